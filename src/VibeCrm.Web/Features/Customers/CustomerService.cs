using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.Web.Features.Customers;

/// <summary>
/// Creates and updates customer profiles: validation, normalization (search keys, email, E.164 phone, handles, tags),
/// custom field values, optimistic concurrency, the duplicate warning, and the upsert used by imports and the POS.
/// </summary>
public sealed class CustomerService(TenantDbContext db, ITenantContextAccessor tenants, StaffOptions staff, IAuditActor actor, TimeProvider clock)
{
    public const int MaxTagLength = 50;
    public const int MaxTagsPerCustomer = 50;
    public const int MaxBulkSize = 500;

    public const string ConflictMessage =
        "Someone else changed this customer while you were editing. Your changes were not saved: reload the page to see the current details, then make your changes again.";

    public const string NothingToIdentifyMessage = "Enter at least a name, an email or a phone number.";

    /// <summary>The duplicate check's message; the form then lists the matches and offers "create anyway".</summary>
    public const string DuplicateMessage = "A customer with this email or phone number already exists.";

    /// <summary>Creates a customer from the staff form. Unless <paramref name="createAnyway"/>, an existing live customer with the same email or phone stops it with <see cref="CustomerSaveResult.Duplicates"/>.</summary>
    public async Task<CustomerSaveResult> CreateAsync(CustomerInput input, bool createAnyway, CancellationToken cancellationToken)
    {
        var fields = await FieldsAsync(cancellationToken);
        var (values, errors) = await ValidateAsync(input, merge: false, existing: null, fields, requireCustomFields: true, cancellationToken);
        if (errors.Count > 0)
        {
            return CustomerSaveResult.Invalid(errors);
        }

        if (!createAnyway)
        {
            var duplicates = await FindDuplicatesAsync(values.NormalizedEmail, values.Phone, exceptId: null, cancellationToken);
            if (duplicates.Count > 0)
            {
                return new CustomerSaveResult(CommandResult.Fail(DuplicateMessage), null, new Dictionary<string, string> { [""] = DuplicateMessage }, duplicates);
            }
        }

        var customer = NewCustomer();
        Apply(customer, input, values, merge: false);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(cancellationToken);
        return CustomerSaveResult.Saved(customer.Id);
    }

    /// <summary>
    /// Replaces the profile with the staff form's values. <paramref name="concurrencyStamp"/> is the stamp the form was
    /// loaded with: if the customer changed since, nothing is saved and the person is told so.
    /// </summary>
    public async Task<CustomerSaveResult> UpdateAsync(int id, CustomerInput input, string concurrencyStamp, CancellationToken cancellationToken)
    {
        var customer = await LoadTrackedAsync(id, cancellationToken);
        if (customer is null)
        {
            return CustomerSaveResult.Failed("This customer no longer exists.");
        }

        if (Unchangeable(customer) is { } why)
        {
            return CustomerSaveResult.Failed(why);
        }

        if (!string.Equals(customer.ConcurrencyStamp, concurrencyStamp, StringComparison.Ordinal))
        {
            return CustomerSaveResult.Failed(ConflictMessage);
        }

        var fields = await FieldsAsync(cancellationToken);
        var (values, errors) = await ValidateAsync(input, merge: false, customer, fields, requireCustomFields: true, cancellationToken);
        if (errors.Count > 0)
        {
            return CustomerSaveResult.Invalid(errors);
        }

        Apply(customer, input, values, merge: false);

        // The row is only updated where it still carries the stamp the form was loaded with.
        db.Entry(customer).Property(c => c.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CustomerSaveResult.Failed(ConflictMessage);
        }

        return CustomerSaveResult.Saved(customer.Id);
    }

    /// <summary>
    /// For the POS and API: finds the live customer with the same normalized email, else the same phone
    /// (<see cref="CustomerMatcher"/>, the rule CSV imports apply in batches too), and
    /// updates only the fields given (non-null, non-blank; tags are added), or creates a customer. Required custom
    /// fields are enforced only for <see cref="RecordSource.Staff"/>: a till or a file cannot be asked for them.
    /// </summary>
    public async Task<(CommandResult Result, int? CustomerId, bool Created)> UpsertByEmailOrPhoneAsync(CustomerInput input, RecordSource source, CancellationToken cancellationToken)
    {
        input = BlankToNull(input);
        var fields = await FieldsAsync(cancellationToken);
        var region = Region();
        var email = ContactRules.NormalizeEmail(ContactRules.Email(input.Email).Email);
        var phone = ContactRules.Phone(input.Phone, region).Phone;
        var existing = (await CustomerMatcher.LoadAsync(db, [email], [phone], cancellationToken)).Find(email, phone);
        var (values, errors) = await ValidateAsync(input, merge: true, existing, fields, requireCustomFields: source == RecordSource.Staff && existing is null, cancellationToken);
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return (CommandResult.Fail(string.Join(" ", errors.Values)), existing?.Id, false);
        }

        var customer = existing ?? NewCustomer();
        Apply(customer, input, values, merge: true);
        if (existing is null)
        {
            db.Customers.Add(customer);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, customer.Id, existing is null);
    }

    /// <summary>The form's view of a customer, or null when it does not exist; merged and erased customers come back <see cref="CustomerForEdit.Locked"/>.</summary>
    public async Task<CustomerForEdit?> LoadForEditAsync(int id, CancellationToken cancellationToken)
    {
        var c = await db.Customers.AsNoTracking().Include(x => x.Tags).Include(x => x.CustomValues).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var keys = await db.CustomFields.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Key, cancellationToken);
        var input = new CustomerInput
        {
            FirstName = c.FirstName,
            LastName = c.LastName,
            Email = c.Email,
            Phone = c.Phone,
            Birthday = c.Birthday,
            Gender = c.Gender,
            AddressLine = c.AddressLine,
            City = c.City,
            PostalCode = c.PostalCode,
            Country = c.Country,
            Language = c.Language,
            TimeZoneId = c.TimeZoneId,
            PreferredChannel = c.PreferredChannel,
            PreferredStore = c.PreferredStore,
            PreferredCategories = c.PreferredCategories,
            Instagram = c.Instagram,
            Facebook = c.Facebook,
            XHandle = c.XHandle,
            TikTok = c.TikTok,
            LinkedIn = c.LinkedIn,
            Notes = c.Notes,
            OwnerUserId = c.OwnerUserId,
            Status = c.Status,
            Tags = [.. c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal)],
            CustomFields = c.CustomValues.Where(v => keys.ContainsKey(v.FieldId)).ToDictionary(v => keys[v.FieldId], v => v.Value, StringComparer.Ordinal),
        };
        return new CustomerForEdit(c.Id, c.DisplayName, c.ConcurrencyStamp, input, Unchangeable(c));
    }

    /// <summary>Adds one tag to the selected live customers (those who have it already are left alone).</summary>
    public async Task<(CommandResult Result, int Changed)> AddTagAsync(IReadOnlyCollection<int> ids, string? tag, CancellationToken cancellationToken)
    {
        var (tags, error) = NormalizeTags([tag ?? ""]);
        if (error is not null)
        {
            return (CommandResult.Fail(error), 0);
        }

        if (tags.Count != 1)
        {
            return (CommandResult.Fail("Enter the tag to add."), 0);
        }

        if (BulkError(ids) is { } bulkError)
        {
            return (CommandResult.Fail(bulkError), 0);
        }

        var value = tags[0];
        var customers = await Live().Where(c => ids.Contains(c.Id) && !c.Tags.Any(t => t.Tag == value)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var customer in customers)
        {
            db.CustomerTags.Add(new CustomerTag { CustomerId = customer.Id, Tag = value });
            Touch(customer, now);
            db.Audit(customer, "Tagged", actor, clock, new { Tag = value });
        }

        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, customers.Count);
    }

    /// <summary>Gives the selected live customers an owner (an active staff member), or none when <paramref name="ownerUserId"/> is empty.</summary>
    public async Task<(CommandResult Result, int Changed)> AssignOwnerAsync(IReadOnlyCollection<int> ids, string? ownerUserId, CancellationToken cancellationToken)
    {
        if (BulkError(ids) is { } bulkError)
        {
            return (CommandResult.Fail(bulkError), 0);
        }

        var owner = string.IsNullOrWhiteSpace(ownerUserId) ? null : ownerUserId.Trim();
        if (owner is not null && !await staff.IsActiveStaffAsync(owner, cancellationToken))
        {
            return (CommandResult.Fail(OwnerMessage), 0);
        }

        var customers = await Live().Where(c => ids.Contains(c.Id) && c.OwnerUserId != owner).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var customer in customers)
        {
            customer.OwnerUserId = owner;
            Touch(customer, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (CommandResult.Ok, customers.Count);
    }

    /// <summary>Tags as stored: trimmed, lower-case, inner spaces collapsed, no duplicates, at most 50 characters each.</summary>
    public static (IReadOnlyList<string> Tags, string? Error) NormalizeTags(IEnumerable<string> raw)
    {
        var tags = new List<string>();
        foreach (var item in raw)
        {
            var tag = string.Join(' ', item.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();
            if (tag.Length == 0 || tags.Contains(tag, StringComparer.Ordinal))
            {
                continue;
            }

            if (tag.Length > MaxTagLength)
            {
                return ([], $"The tag “{tag}” is longer than {MaxTagLength} characters.");
            }

            tags.Add(tag);
        }

        return tags.Count > MaxTagsPerCustomer ? ([], $"A customer can have at most {MaxTagsPerCustomer} tags.") : (tags, null);
    }

    /// <summary>"a, b , c" → "a, b, c"; null when empty.</summary>
    public static string? NormalizeList(string? raw)
    {
        var items = (raw ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return items.Count == 0 ? null : string.Join(", ", items);
    }

    /// <summary>A custom field value as stored (invariant text), or an error message.</summary>
    public static (string? Value, string? Error) NormalizeCustomValue(CustomFieldDefinition field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, null);
        }

        var text = raw.Trim();
        switch (field.Type)
        {
            case CustomFieldType.Number:
                var number = text.Replace(" ", "", StringComparison.Ordinal).Replace(',', '.');
                return decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                    ? (value.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"{field.Label} must be a number.");
            case CustomFieldType.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
                    : (null, $"{field.Label} must be a date written yyyy-MM-dd.");
            case CustomFieldType.YesNo:
                return text.ToLowerInvariant() switch
                {
                    "yes" or "y" or "true" or "1" or "on" or "oui" => ("true", null),
                    "no" or "n" or "false" or "0" or "off" or "non" => ("false", null),
                    _ => (null, $"{field.Label} must be yes or no."),
                };
            case CustomFieldType.Choice:
                var choice = field.ChoiceList.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase));
                return choice is not null ? (choice, null) : (null, $"{field.Label} must be one of: {string.Join(", ", field.ChoiceList)}.");
            default:
                return text.Length <= 1000 ? (text, null) : (null, $"{field.Label} is too long (at most 1000 characters).");
        }
    }

    private const string OwnerMessage = "Choose an active staff member as owner.";

    private IQueryable<Customer> Live() => CustomerMatcher.Live(db);

    private static string? Unchangeable(Customer customer) =>
        customer.MergedIntoId is not null ? "This customer was merged into another record; edit that one instead."
        : customer.ErasedAt is not null ? "This customer's personal data was erased; the record cannot be edited."
        : null;

    private static string? BulkError(IReadOnlyCollection<int> ids) =>
        ids.Count == 0 ? "Select at least one customer." : ids.Count > MaxBulkSize ? $"Select at most {MaxBulkSize} customers at a time." : null;

    private Customer NewCustomer()
    {
        var now = clock.GetUtcNow();
        return new Customer { CreatedAt = now, UpdatedAt = now, Status = CustomerStatus.Active };
    }

    private static void Touch(Customer customer, DateTimeOffset now)
    {
        customer.UpdatedAt = now;
        customer.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    private Task<Customer?> LoadTrackedAsync(int id, CancellationToken cancellationToken) =>
        db.Customers.Include(c => c.Tags).Include(c => c.CustomValues).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    private async Task<List<CustomFieldDefinition>> FieldsAsync(CancellationToken cancellationToken) =>
        await db.CustomFields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(cancellationToken);

    private string? Region() => ContactRules.RegionFromTimeZone(tenants.RequireTenant().TimeZoneId);

    private async Task<IReadOnlyList<DuplicateCandidate>> FindDuplicatesAsync(string? email, string? phone, int? exceptId, CancellationToken cancellationToken)
    {
        if (email is null && phone is null)
        {
            return [];
        }

        var rows = await Live().AsNoTracking()
            .Where(c => c.Id != exceptId && ((email != null && c.NormalizedEmail == email) || (phone != null && c.Phone == phone)))
            .OrderBy(c => c.Id)
            .Take(5)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.NormalizedEmail, c.Phone })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DuplicateCandidate(
            r.Id,
            $"{r.FirstName} {r.LastName}".Trim() is { Length: > 0 } name ? name : r.Email ?? r.Phone ?? $"Customer {r.Id}",
            r.Email,
            r.Phone,
            email is not null && r.NormalizedEmail == email ? "email" : "phone"))];
    }

    /// <summary>Normalized values of one input, ready to apply.</summary>
    private sealed record Values(
        string? Email,
        string? NormalizedEmail,
        string? Phone,
        string? Country,
        string? Language,
        string? Instagram,
        string? Facebook,
        string? XHandle,
        string? TikTok,
        string? LinkedIn,
        string? PreferredCategories,
        IReadOnlyList<string> Tags,
        IReadOnlyDictionary<int, string?> Custom);

    private async Task<(Values Values, Dictionary<string, string> Errors)> ValidateAsync(
        CustomerInput input, bool merge, Customer? existing, IReadOnlyList<CustomFieldDefinition> fields, bool requireCustomFields, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Fail(string key, string? message)
        {
            if (message is not null)
            {
                errors.TryAdd(key, message);
            }
        }

        // Given: in merge mode only non-null values count; in replace mode every field is given.
        bool Given(object? value) => !merge || value is not null;

        var (email, emailError) = ContactRules.Email(input.Email);
        Fail(nameof(input.Email), emailError);
        var (phone, phoneError) = ContactRules.Phone(input.Phone, Region());
        Fail(nameof(input.Phone), phoneError);

        var first = Given(input.FirstName) ? Clean(input.FirstName) : existing?.FirstName;
        var last = Given(input.LastName) ? Clean(input.LastName) : existing?.LastName;
        var finalEmail = Given(input.Email) ? email : existing?.Email;
        var finalPhone = Given(input.Phone) ? phone : existing?.Phone;
        if (errors.Count == 0 && string.IsNullOrEmpty(first) && string.IsNullOrEmpty(last) && finalEmail is null && finalPhone is null)
        {
            Fail("", NothingToIdentifyMessage);
        }

        CheckLength(input.FirstName, 100, nameof(input.FirstName), "First name");
        CheckLength(input.LastName, 100, nameof(input.LastName), "Last name");
        CheckLength(input.Email, 256, nameof(input.Email), "Email");
        CheckLength(input.Gender, 30, nameof(input.Gender), "Gender");
        CheckLength(input.AddressLine, 200, nameof(input.AddressLine), "Address");
        CheckLength(input.City, 100, nameof(input.City), "City");
        CheckLength(input.PostalCode, 20, nameof(input.PostalCode), "Postal code");
        CheckLength(input.PreferredStore, 100, nameof(input.PreferredStore), "Preferred store");
        CheckLength(input.PreferredCategories, 500, nameof(input.PreferredCategories), "Preferred categories");
        CheckLength(input.Notes, 4000, nameof(input.Notes), "Notes");

        if (input.Birthday is { } birthday)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TenantTimeZone()).DateTime);
            Fail(nameof(input.Birthday), birthday > today ? "The birthday cannot be in the future."
                : birthday.Year < 1900 ? "Enter a birthday after 1900." : null);
        }

        var country = CustomerReferenceData.NormalizeCountry(input.Country);
        if (!string.IsNullOrWhiteSpace(input.Country) && country is null)
        {
            Fail(nameof(input.Country), $"“{input.Country.Trim()}” is not a country code from the list (two letters, e.g. FR).");
        }

        var language = CustomerReferenceData.NormalizeLanguage(input.Language);
        if (!string.IsNullOrWhiteSpace(input.Language) && language is null)
        {
            Fail(nameof(input.Language), $"“{input.Language.Trim()}” is not a language from the list.");
        }

        if (!string.IsNullOrWhiteSpace(input.TimeZoneId) && !CustomerReferenceData.IsTimeZone(input.TimeZoneId.Trim()))
        {
            Fail(nameof(input.TimeZoneId), $"“{input.TimeZoneId.Trim()}” is not a time zone from the list.");
        }

        if (input.PreferredChannel is { } channel && !Enum.IsDefined(channel))
        {
            Fail(nameof(input.PreferredChannel), "Choose a channel from the list.");
        }

        if (input.Status is { } status && !Enum.IsDefined(status))
        {
            Fail(nameof(input.Status), "Choose a status from the list.");
        }

        var instagram = Social(SocialNetwork.Instagram, input.Instagram, nameof(input.Instagram));
        var facebook = Social(SocialNetwork.Facebook, input.Facebook, nameof(input.Facebook));
        var x = Social(SocialNetwork.X, input.XHandle, nameof(input.XHandle));
        var tiktok = Social(SocialNetwork.TikTok, input.TikTok, nameof(input.TikTok));
        var linkedIn = Social(SocialNetwork.LinkedIn, input.LinkedIn, nameof(input.LinkedIn));

        var (tags, tagError) = NormalizeTags(input.Tags ?? []);
        Fail(nameof(input.Tags), tagError);

        var owner = Clean(input.OwnerUserId);
        if (owner is not null && owner != existing?.OwnerUserId && !await staff.IsActiveStaffAsync(owner, cancellationToken))
        {
            Fail(nameof(input.OwnerUserId), OwnerMessage);
        }

        // Custom fields: values by field id (null = clear), checked per type; unknown keys are refused.
        var custom = new Dictionary<int, string?>();
        var given = input.CustomFields ?? new Dictionary<string, string>();
        foreach (var key in given.Keys.Where(k => !fields.Any(f => string.Equals(f.Key, k, StringComparison.Ordinal))))
        {
            Fail($"CustomFields[{key}]", $"There is no custom field “{key}”.");
        }

        foreach (var field in fields)
        {
            var hasValue = given.TryGetValue(field.Key, out var raw) && !string.IsNullOrWhiteSpace(raw);
            if (field.IsArchived)
            {
                Fail($"CustomFields[{field.Key}]", hasValue ? $"{field.Label} is archived and cannot be changed." : null);
                continue;
            }

            var (value, error) = NormalizeCustomValue(field, raw);
            Fail($"CustomFields[{field.Key}]", error);
            var stored = existing?.CustomValues.FirstOrDefault(v => v.FieldId == field.Id)?.Value;
            if (requireCustomFields && field.IsRequired && error is null && value is null && (!merge || stored is null))
            {
                Fail($"CustomFields[{field.Key}]", $"{field.Label} is required.");
            }

            if (!merge || hasValue)
            {
                custom[field.Id] = value;
            }
        }

        var values = new Values(
            email, ContactRules.NormalizeEmail(email), phone, country, language, instagram, facebook, x, tiktok, linkedIn,
            NormalizeList(input.PreferredCategories), tags, custom);
        return (values, errors);

        void CheckLength(string? value, int max, string key, string label) =>
            Fail(key, value is not null && value.Trim().Length > max ? $"{label} is too long (at most {max} characters)." : null);

        string? Social(SocialNetwork network, string? raw, string key)
        {
            var (handle, error) = SocialHandles.Normalize(network, raw);
            Fail(key, error);
            return handle;
        }
    }

    private void Apply(Customer c, CustomerInput input, Values v, bool merge)
    {
        bool Given(object? value) => !merge || value is not null;

        if (Given(input.FirstName)) c.FirstName = Clean(input.FirstName) ?? "";
        if (Given(input.LastName)) c.LastName = Clean(input.LastName) ?? "";
        if (Given(input.Email)) (c.Email, c.NormalizedEmail) = (v.Email, v.NormalizedEmail);
        if (Given(input.Phone)) c.Phone = v.Phone;
        if (Given(input.Birthday)) c.Birthday = input.Birthday;
        if (Given(input.Gender)) c.Gender = Clean(input.Gender);
        if (Given(input.AddressLine)) c.AddressLine = Clean(input.AddressLine);
        if (Given(input.City)) c.City = Clean(input.City);
        if (Given(input.PostalCode)) c.PostalCode = Clean(input.PostalCode);
        if (Given(input.Country)) c.Country = v.Country;
        if (Given(input.Language)) c.Language = v.Language;
        if (Given(input.TimeZoneId)) c.TimeZoneId = Clean(input.TimeZoneId);
        if (Given(input.PreferredChannel)) c.PreferredChannel = input.PreferredChannel;
        if (Given(input.PreferredStore)) c.PreferredStore = Clean(input.PreferredStore);
        if (Given(input.PreferredCategories)) c.PreferredCategories = v.PreferredCategories;
        if (Given(input.Instagram)) c.Instagram = v.Instagram;
        if (Given(input.Facebook)) c.Facebook = v.Facebook;
        if (Given(input.XHandle)) c.XHandle = v.XHandle;
        if (Given(input.TikTok)) c.TikTok = v.TikTok;
        if (Given(input.LinkedIn)) c.LinkedIn = v.LinkedIn;
        if (Given(input.Notes)) c.Notes = Clean(input.Notes);
        if (Given(input.OwnerUserId)) c.OwnerUserId = Clean(input.OwnerUserId);
        if (input.Status is { } status) c.Status = status;

        if (Given(input.Tags))
        {
            if (!merge)
            {
                c.Tags.RemoveAll(t => !v.Tags.Contains(t.Tag, StringComparer.Ordinal));
            }

            foreach (var tag in v.Tags.Where(t => !c.Tags.Any(x => x.Tag == t)))
            {
                c.Tags.Add(new CustomerTag { CustomerId = c.Id, Tag = tag });
            }
        }

        foreach (var (fieldId, value) in v.Custom)
        {
            var current = c.CustomValues.FirstOrDefault(x => x.FieldId == fieldId);
            if (value is null)
            {
                if (current is not null)
                {
                    c.CustomValues.Remove(current);
                }
            }
            else if (current is null)
            {
                c.CustomValues.Add(new CustomFieldValue { CustomerId = c.Id, FieldId = fieldId, Value = value });
            }
            else
            {
                current.Value = value;
            }
        }

        c.SearchName = ContactRules.SearchKey(c.FirstName, c.LastName);
        c.SearchLastName = ContactRules.SearchKey(c.LastName, c.FirstName);
        c.NormalizedEmail = ContactRules.NormalizeEmail(c.Email);
        Touch(c, c.Id == 0 ? c.CreatedAt : clock.GetUtcNow());
    }

    private TimeZoneInfo TenantTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(tenants.RequireTenant().TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Imports and tills send blank cells for "unknown": in merge mode they are "not given", never "clear".</summary>
    private static CustomerInput BlankToNull(CustomerInput i) => i with
    {
        FirstName = Clean(i.FirstName),
        LastName = Clean(i.LastName),
        Email = Clean(i.Email),
        Phone = Clean(i.Phone),
        Gender = Clean(i.Gender),
        AddressLine = Clean(i.AddressLine),
        City = Clean(i.City),
        PostalCode = Clean(i.PostalCode),
        Country = Clean(i.Country),
        Language = Clean(i.Language),
        TimeZoneId = Clean(i.TimeZoneId),
        PreferredStore = Clean(i.PreferredStore),
        PreferredCategories = Clean(i.PreferredCategories),
        Instagram = Clean(i.Instagram),
        Facebook = Clean(i.Facebook),
        XHandle = Clean(i.XHandle),
        TikTok = Clean(i.TikTok),
        LinkedIn = Clean(i.LinkedIn),
        Notes = Clean(i.Notes),
        OwnerUserId = Clean(i.OwnerUserId),
        Tags = i.Tags is { Count: > 0 } ? i.Tags : null,
        CustomFields = i.CustomFields?.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(StringComparer.Ordinal),
    };
}
