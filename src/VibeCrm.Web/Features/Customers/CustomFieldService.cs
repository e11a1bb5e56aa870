using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Customers;

public sealed record CustomFieldRow(int Id, string Key, string Label, CustomFieldType Type, IReadOnlyList<string> Choices, bool IsRequired, bool IsArchived, int SortOrder);

/// <summary>The merchant's own profile fields: add, rename, reorder, archive (values are kept) and restore.</summary>
public sealed class CustomFieldService(TenantDbContext db)
{
    public const int MaxLabelLength = 100;

    public async Task<IReadOnlyList<CustomFieldRow>> ListAsync(bool includeArchived, CancellationToken cancellationToken)
    {
        var fields = await db.CustomFields.AsNoTracking()
            .Where(f => includeArchived || !f.IsArchived)
            .OrderBy(f => f.IsArchived).ThenBy(f => f.SortOrder).ThenBy(f => f.Id)
            .ToListAsync(cancellationToken);
        return [.. fields.Select(f => new CustomFieldRow(f.Id, f.Key, f.Label, f.Type, f.ChoiceList, f.IsRequired, f.IsArchived, f.SortOrder))];
    }

    /// <summary>Adds a field; its key is made from the label ("Favourite drink" → favourite_drink) and kept unique.</summary>
    public async Task<(CommandResult Result, string? Key)> AddAsync(string? label, CustomFieldType type, string? choices, bool required, CancellationToken cancellationToken)
    {
        var (cleanLabel, choiceText, error) = Check(label, type, choices);
        if (error is not null)
        {
            return (CommandResult.Fail(error), null);
        }

        var keys = await db.CustomFields.Select(f => f.Key).ToListAsync(cancellationToken);
        var key = UniqueKey(KeyFrom(cleanLabel!), keys);
        var order = await db.CustomFields.Select(f => (int?)f.SortOrder).MaxAsync(cancellationToken) ?? 0;
        db.CustomFields.Add(new CustomFieldDefinition
        {
            Key = key,
            Label = cleanLabel!,
            Type = type,
            Choices = choiceText,
            IsRequired = required,
            SortOrder = order + 1,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, key);
    }

    /// <summary>Changes the label, the choices and whether it is required. The key and the type stay: values and imports depend on them.</summary>
    public async Task<CommandResult> UpdateAsync(int id, string? label, string? choices, bool required, CancellationToken cancellationToken)
    {
        var field = await db.CustomFields.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (field is null)
        {
            return CommandResult.Fail("This field no longer exists.");
        }

        var (cleanLabel, choiceText, error) = Check(label, field.Type, choices);
        if (error is not null)
        {
            return CommandResult.Fail(error);
        }

        field.Label = cleanLabel!;
        field.Choices = choiceText;
        field.IsRequired = required;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Moves a live field one place up (-1) or down (+1) among the live fields.</summary>
    public async Task<CommandResult> MoveAsync(int id, int direction, CancellationToken cancellationToken)
    {
        var fields = await db.CustomFields.Where(f => !f.IsArchived).OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        var index = fields.FindIndex(f => f.Id == id);
        if (index < 0)
        {
            return CommandResult.Fail("This field no longer exists.");
        }

        var target = index + Math.Sign(direction);
        if (target < 0 || target >= fields.Count)
        {
            return CommandResult.Ok;
        }

        (fields[index], fields[target]) = (fields[target], fields[index]);
        for (var i = 0; i < fields.Count; i++)
        {
            fields[i].SortOrder = i + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Hides a field from forms and lists; its values stay on the customers and come back on restore.</summary>
    public async Task<CommandResult> SetArchivedAsync(int id, bool archived, CancellationToken cancellationToken)
    {
        var field = await db.CustomFields.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (field is null)
        {
            return CommandResult.Fail("This field no longer exists.");
        }

        field.IsArchived = archived;
        if (!archived)
        {
            field.SortOrder = (await db.CustomFields.Where(f => !f.IsArchived).Select(f => (int?)f.SortOrder).MaxAsync(cancellationToken) ?? 0) + 1;
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>"Favourite drink!" → "favourite_drink"; "Âge" → "age"; never empty.</summary>
    public static string KeyFrom(string label)
    {
        var plain = ContactRules.SearchKey(label);
        var builder = new StringBuilder();
        foreach (var c in plain)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        var key = builder.ToString().Trim('_');
        if (key.Length == 0)
        {
            key = "field";
        }

        if (char.IsDigit(key[0]))
        {
            key = "f_" + key;
        }

        return key.Length > 40 ? key[..40].TrimEnd('_') : key;
    }

    private static string UniqueKey(string key, IReadOnlyCollection<string> taken)
    {
        var candidate = key;
        for (var n = 2; taken.Contains(candidate, StringComparer.Ordinal); n++)
        {
            candidate = $"{key}_{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }

    private static (string? Label, string? Choices, string? Error) Check(string? label, CustomFieldType type, string? choices)
    {
        var clean = label?.Trim();
        if (string.IsNullOrEmpty(clean))
        {
            return (null, null, "Enter a label.");
        }

        if (clean.Length > MaxLabelLength)
        {
            return (null, null, $"The label is too long (at most {MaxLabelLength} characters).");
        }

        if (!Enum.IsDefined(type))
        {
            return (null, null, "Choose a type from the list.");
        }

        if (type != CustomFieldType.Choice)
        {
            return (clean, null, null);
        }

        var list = (choices ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list.Count < 2)
        {
            return (null, null, "A choice field needs at least two choices, one per line.");
        }

        var text = string.Join('\n', list);
        return text.Length > 2000 ? (null, null, "The choices are too long (at most 2000 characters in all).") : (clean, text, null);
    }
}
