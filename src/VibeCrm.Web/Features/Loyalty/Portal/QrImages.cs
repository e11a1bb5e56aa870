using QRCoder;

namespace VibeCrm.Web.Features.Loyalty.Portal;

/// <summary>QR codes as inline SVG data URIs (the CSP allows <c>img-src data:</c>; no script, no style attribute needed).</summary>
public static class QrImages
{
    public static string SvgDataUri(string payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(payload);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        var markup = svg.GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(markup));
    }
}
