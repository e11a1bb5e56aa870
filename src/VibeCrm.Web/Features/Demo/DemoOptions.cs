namespace VibeCrm.Web.Features.Demo;

/// <summary>The demo merchant created on first start (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; } = true;

    public string Identifier { get; set; } = "demo";

    public string Name { get; set; } = "Corner Café";

    public string Password { get; set; } = "Demo!2026pass";

    public string TimeZoneId { get; set; } = "Europe/Paris";

    public string Currency { get; set; } = "EUR";

    /// <summary>How many customers the demo merchant gets (1,000 by default; 100,000 or 1,000,000 for benchmarks).</summary>
    public int Customers { get; set; } = 1000;
}
