using System.Text.RegularExpressions;
using VibeCrm.Data;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>
/// Reward pictures, kept in the tenant's own folder <c>{DataFolder}/reward-images/{tenantId}/</c> under a random name.
/// Only PNG, JPEG and WebP up to <see cref="MaxBytes"/> are accepted, recognised by their first bytes (the browser's
/// content type is not trusted). They are served at <c>/{tenant}/loyalty/images/{name}</c>, always from the folder
/// of the tenant of the request, so one tenant's URL can never read another tenant's file.
/// </summary>
public sealed partial class RewardImages(DatabaseLocator locator, ITenantContextAccessor tenants)
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public const string RoutePrefix = "loyalty/images";

    private string Folder
    {
        get
        {
            var tenantId = tenants.RequireTenant().Id;
            if (tenantId.Length == 0 || tenantId.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
            {
                throw new InvalidOperationException("The tenant id cannot be used as a folder name.");
            }

            return Path.Combine(locator.DataFolder, "reward-images", tenantId);
        }
    }

    /// <summary>Checks and stores an upload; returns the URL to keep on the reward, or an error for the person.</summary>
    public async Task<(string? Url, string? Error)> SaveAsync(IFormFile file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length == 0)
        {
            return (null, "The image file is empty.");
        }

        if (file.Length > MaxBytes)
        {
            return (null, "The image is too large: keep it under 2 MB.");
        }

        var bytes = new byte[file.Length];
        await using (var input = file.OpenReadStream())
        {
            await input.ReadExactlyAsync(bytes, ct);
        }

        var extension = Sniff(bytes);
        if (extension is null)
        {
            return (null, "Upload a PNG, JPEG or WebP picture.");
        }

        var name = Guid.NewGuid().ToString("N") + extension;
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), bytes, ct);
        return ($"/{tenants.RequireTenant().Identifier}/{RoutePrefix}/{name}", null);
    }

    /// <summary>The stored file for a served name, or null when the name is not one we make or the file is gone.</summary>
    public (string Path, string ContentType)? Find(string? name)
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            return null;
        }

        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            return null;
        }

        var type = Path.GetExtension(name) switch
        {
            ".png" => "image/png",
            ".jpg" => "image/jpeg",
            _ => "image/webp",
        };
        return (path, type);
    }

    /// <summary>The extension for a PNG, JPEG or WebP file by its signature, else null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ".png";
        }

        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return ".jpg";
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return ".webp";
        }

        return null;
    }

    public static void MapEndpoint(IEndpointRouteBuilder app)
    {
        app.MapGet("/{tenant:tenant}/" + RoutePrefix + "/{name}", (string name, RewardImages images) =>
            images.Find(name) is { } found
                ? Results.File(found.Path, found.ContentType, enableRangeProcessing: false)
                : Results.NotFound());
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(png|jpg|webp)$", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex NamePattern();
}
