using System.Text.Json;

namespace VibeCrm.Web.Features.Audit;

/// <summary>One line of an audit entry: a property and its old and new value, or a detail and its value.</summary>
public sealed record AuditChange(string Name, string? Old, string? New, bool IsChange);

/// <summary>Turns <c>ChangesJson</c> (property → [old, new], or free details of a domain action) into readable lines.</summary>
public static class AuditFormatter
{
    public static IReadOnlyList<AuditChange> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new AuditChange("Details", null, Text(doc.RootElement), false)];
            }

            return [.. doc.RootElement.EnumerateObject().Select(p =>
                p.Value is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() == 2
                    ? new AuditChange(p.Name, Text(a[0]), Text(a[1]), true)
                    : new AuditChange(p.Name, null, Text(p.Value), false))];
        }
        catch (JsonException)
        {
            return [new AuditChange("Details", null, json, false)];
        }
    }

    /// <summary>"Email, Phone" — the names of the changed properties.</summary>
    public static string? ChangedFields(string? json) => Parse(json) is { Count: > 0 } changes ? string.Join(", ", changes.Select(c => c.Name)) : null;

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => e.GetString(),
        _ => e.GetRawText(),
    };
}
