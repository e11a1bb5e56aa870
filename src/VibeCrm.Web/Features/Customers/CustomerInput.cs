using VibeCrm.Data.Crm;

namespace VibeCrm.Web.Features.Customers;

/// <summary>
/// The fields of a customer profile as any channel supplies them: the staff form, an import row, the POS.
/// Null means "not given": <see cref="CustomerService.UpsertByEmailOrPhoneAsync"/> then keeps the stored value,
/// while the staff form's create and update treat null as empty. Values are raw: the service trims, normalizes
/// (email, E.164 phone, handles, tags) and validates them.
/// </summary>
public sealed record CustomerInput
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    /// <summary>Any format; numbers without a country code are read in the tenant's region.</summary>
    public string? Phone { get; init; }

    public DateOnly? Birthday { get; init; }

    public string? Gender { get; init; }

    public string? AddressLine { get; init; }

    public string? City { get; init; }

    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2, any case.</summary>
    public string? Country { get; init; }

    /// <summary>fr, en-GB...</summary>
    public string? Language { get; init; }

    /// <summary>IANA id, e.g. Europe/Paris.</summary>
    public string? TimeZoneId { get; init; }

    public ContactChannel? PreferredChannel { get; init; }

    public string? PreferredStore { get; init; }

    /// <summary>Comma-separated.</summary>
    public string? PreferredCategories { get; init; }

    /// <summary>"@handle", "handle" or a profile URL.</summary>
    public string? Instagram { get; init; }

    public string? Facebook { get; init; }

    public string? XHandle { get; init; }

    public string? TikTok { get; init; }

    public string? LinkedIn { get; init; }

    public string? Notes { get; init; }

    /// <summary>An active staff member's user id.</summary>
    public string? OwnerUserId { get; init; }

    public CustomerStatus? Status { get; init; }

    /// <summary>Stored lower-case and trimmed. On upsert the given tags are added to the existing ones.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Custom field values keyed by <see cref="CustomFieldDefinition.Key"/>, as text (numbers, yyyy-MM-dd dates, yes/no, a choice).</summary>
    public IReadOnlyDictionary<string, string>? CustomFields { get; init; }
}

/// <summary>An existing live customer with the same email or phone as the one being created.</summary>
public sealed record DuplicateCandidate(int Id, string Name, string? Email, string? Phone, string MatchedOn);

/// <summary>
/// The outcome of a create or update. <see cref="Errors"/> maps a <see cref="CustomerInput"/> property name
/// (or <c>CustomFields[key]</c>, or "" for the whole record) to a message for the person.
/// </summary>
public sealed record CustomerSaveResult(
    CommandResult Result,
    int? CustomerId,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyList<DuplicateCandidate> Duplicates)
{
    public bool Succeeded => Result.Succeeded;

    /// <summary>The record was not created because it looks like an existing customer; a second submit may confirm.</summary>
    public bool NeedsDuplicateConfirmation => Duplicates.Count > 0;

    internal static CustomerSaveResult Saved(int id) => new(CommandResult.Ok, id, EmptyErrors, []);

    internal static CustomerSaveResult Failed(string message) => new(CommandResult.Fail(message), null, new Dictionary<string, string> { [""] = message }, []);

    internal static CustomerSaveResult Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(CommandResult.Fail(string.Join(" ", errors.Values)), null, errors, []);

    private static readonly IReadOnlyDictionary<string, string> EmptyErrors = new Dictionary<string, string>();
}

/// <summary>A customer as the edit form loads it.</summary>
/// <summary>The edit form's view of a customer; <paramref name="Locked"/> says why it cannot be edited (merged or erased), if so.</summary>
public sealed record CustomerForEdit(int Id, string DisplayName, string ConcurrencyStamp, CustomerInput Input, string? Locked = null);
