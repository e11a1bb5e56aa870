using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;

namespace VibeCrm.Web.Infrastructure.Email;

/// <summary>
/// Renders system emails from Liquid templates embedded in the assembly: <c>{name}.html.liquid</c>,
/// <c>{name}.txt.liquid</c> and a first line <c>subject: ...</c> in the text template.
/// </summary>
public sealed class EmailTemplates
{
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _cache = new(StringComparer.Ordinal);
    private readonly TemplateOptions _options;

    public EmailTemplates()
        : this([])
    {
    }

    /// <param name="models">Further model types templates may read (registered once, before any render).</param>
    public EmailTemplates(IEnumerable<EmailTemplateModel> models)
    {
        _options = new TemplateOptions();
        _options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        _options.MemberAccessStrategy.Register<EmailModel>();
        foreach (var model in models)
        {
            _options.MemberAccessStrategy.Register(model.Type);
        }
    }

    public Task<EmailMessage> RenderAsync(string name, EmailModel model, string toAddress, string? toName)
    {
        ArgumentNullException.ThrowIfNull(model);
        return RenderAsync(name, model, model.BusinessName, toAddress, toName);
    }

    /// <summary>Renders with any model type registered through <see cref="EmailTemplateModel"/>.</summary>
    public async Task<EmailMessage> RenderAsync(string name, object model, string fromName, string toAddress, string? toName)
    {
        var context = new TemplateContext(model, _options, allowModelMembers: true);
        context.SetValue("model", model);
        var html = await Template(name + ".html").RenderAsync(context, HtmlEncoder.Default);
        var text = await Template(name + ".txt").RenderAsync(context, NullEncoder.Default);
        var (subject, body) = SplitSubject(text);
        return new EmailMessage(toAddress, toName, subject, html, body) { FromName = fromName };
    }

    private IFluidTemplate Template(string name) => _cache.GetOrAdd(name, Load);

    private static IFluidTemplate Load(string name)
    {
        var assembly = typeof(EmailTemplates).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(r => r.EndsWith("." + name + ".liquid", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Email template '{name}' is not embedded.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var source = reader.ReadToEnd();
        return Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Email template '{name}' does not parse: {error}");
    }

    private static (string Subject, string Body) SplitSubject(string text)
    {
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var first = firstBreak < 0 ? text : text[..firstBreak];
        return first.StartsWith("subject:", StringComparison.OrdinalIgnoreCase)
            ? (first["subject:".Length..].Trim(), text[(firstBreak + 1)..].TrimStart('\n'))
            : ("(no subject)", text);
    }
}

/// <summary>What system templates can use: <c>{{ model.business_name }}</c> etc. (Fluid maps to the member names).</summary>
public sealed record EmailModel(string BusinessName, string RecipientName, string ActionUrl)
{
    public string? Detail { get; init; }

    /// <summary>The staff member on whose behalf the email goes out, e.g. the inviter.</summary>
    public string? Sender { get; init; }
}

/// <summary>A model type that email templates may read; register with <c>services.AddSingleton(new EmailTemplateModel(typeof(T)))</c>.</summary>
public sealed record EmailTemplateModel(Type Type);

public static class EmailSetup
{
    public static IServiceCollection AddVibeCrmEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<PickupFolderEmailSender>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IEmailSender>(sp =>
            string.IsNullOrWhiteSpace(configuration[$"{EmailOptions.Section}:Host"])
                ? sp.GetRequiredService<PickupFolderEmailSender>()
                : sp.GetRequiredService<SmtpEmailSender>());
        return services;
    }
}
