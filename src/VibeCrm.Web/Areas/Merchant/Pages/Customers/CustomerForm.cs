using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Crm;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers;

/// <summary>The profile form as posted: text as typed, tags comma-separated, custom fields by key.</summary>
public sealed class CustomerFormInput
{
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [Display(Name = "Email")]
    public string? Email { get; set; }

    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Birthday")]
    public DateOnly? Birthday { get; set; }

    [Display(Name = "Gender")]
    public string? Gender { get; set; }

    [Display(Name = "Address")]
    public string? AddressLine { get; set; }

    [Display(Name = "City")]
    public string? City { get; set; }

    [Display(Name = "Postal code")]
    public string? PostalCode { get; set; }

    [Display(Name = "Country")]
    public string? Country { get; set; }

    [Display(Name = "Language")]
    public string? Language { get; set; }

    [Display(Name = "Time zone")]
    public string? TimeZoneId { get; set; }

    [Display(Name = "Preferred channel")]
    public ContactChannel? PreferredChannel { get; set; }

    [Display(Name = "Preferred store")]
    public string? PreferredStore { get; set; }

    [Display(Name = "Favourite categories")]
    public string? PreferredCategories { get; set; }

    [Display(Name = "Instagram")]
    public string? Instagram { get; set; }

    [Display(Name = "Facebook")]
    public string? Facebook { get; set; }

    [Display(Name = "X (Twitter)")]
    public string? XHandle { get; set; }

    [Display(Name = "TikTok")]
    public string? TikTok { get; set; }

    [Display(Name = "LinkedIn")]
    public string? LinkedIn { get; set; }

    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    [Display(Name = "Owner")]
    public string? OwnerUserId { get; set; }

    [Display(Name = "Status")]
    public CustomerStatus Status { get; set; } = CustomerStatus.Active;

    [Display(Name = "Tags")]
    public string? Tags { get; set; }

    public Dictionary<string, string?> CustomFields { get; set; } = new(StringComparer.Ordinal);

    public string? ConcurrencyStamp { get; set; }

    /// <summary>Set by the "create anyway" button after the duplicate warning.</summary>
    public bool CreateAnyway { get; set; }

    public CustomerInput ToInput() => new()
    {
        FirstName = FirstName,
        LastName = LastName,
        Email = Email,
        Phone = Phone,
        Birthday = Birthday,
        Gender = Gender,
        AddressLine = AddressLine,
        City = City,
        PostalCode = PostalCode,
        Country = Country,
        Language = Language,
        TimeZoneId = TimeZoneId,
        PreferredChannel = PreferredChannel,
        PreferredStore = PreferredStore,
        PreferredCategories = PreferredCategories,
        Instagram = Instagram,
        Facebook = Facebook,
        XHandle = XHandle,
        TikTok = TikTok,
        LinkedIn = LinkedIn,
        Notes = Notes,
        OwnerUserId = OwnerUserId,
        Status = Status,
        Tags = (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        CustomFields = CustomFields.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal),
    };

    public static CustomerFormInput From(CustomerForEdit customer)
    {
        var i = customer.Input;
        return new CustomerFormInput
        {
            FirstName = i.FirstName,
            LastName = i.LastName,
            Email = i.Email,
            Phone = i.Phone,
            Birthday = i.Birthday,
            Gender = i.Gender,
            AddressLine = i.AddressLine,
            City = i.City,
            PostalCode = i.PostalCode,
            Country = i.Country,
            Language = i.Language,
            TimeZoneId = i.TimeZoneId,
            PreferredChannel = i.PreferredChannel,
            PreferredStore = i.PreferredStore,
            PreferredCategories = i.PreferredCategories,
            Instagram = i.Instagram,
            Facebook = i.Facebook,
            XHandle = i.XHandle,
            TikTok = i.TikTok,
            LinkedIn = i.LinkedIn,
            Notes = i.Notes,
            OwnerUserId = i.OwnerUserId,
            Status = i.Status ?? CustomerStatus.Active,
            Tags = string.Join(", ", i.Tags ?? []),
            CustomFields = (i.CustomFields ?? new Dictionary<string, string>()).ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal),
            ConcurrencyStamp = customer.ConcurrencyStamp,
        };
    }
}

/// <summary>What the form partial needs besides the values: the lists to choose from and the duplicate warning.</summary>
public sealed record CustomerFormView(
    CustomerFormInput Input,
    IReadOnlyList<StaffOption> Staff,
    IReadOnlyList<CustomFieldRow> CustomFields,
    IReadOnlyList<DuplicateCandidate> Duplicates,
    string TenantSlug,
    int? CustomerId)
{
    public bool IsNew => CustomerId is null;

    public string DetailsPath(int id) => $"/{TenantSlug}/admin/customers/details/{id}";
}

/// <summary>Shared by New and Edit: loading the form's lists and showing the service's errors next to their fields.</summary>
public abstract class CustomerFormPage(StaffOptions staffOptions, CustomFieldService fields) : PageModel
{
    [BindProperty]
    public CustomerFormInput Input { get; set; } = new();

    public CustomerFormView Form { get; protected set; } = null!;

    protected async Task LoadFormAsync(int? customerId, IReadOnlyList<DuplicateCandidate> duplicates, CancellationToken cancellationToken)
    {
        var staff = (await staffOptions.AllAsync(cancellationToken)).Where(s => s.IsActive || s.Id == Input.OwnerUserId).ToList();
        Form = new CustomerFormView(Input, staff, await fields.ListAsync(includeArchived: false, cancellationToken), duplicates, HttpContext.RequireTenant().Identifier, customerId);
    }

    protected void AddErrors(CustomerSaveResult result)
    {
        foreach (var (key, message) in result.Errors)
        {
            ModelState.AddModelError(key.Length == 0 ? "" : "Input." + key, message);
        }
    }

    protected IActionResult ToDetails(int id, string message)
    {
        TempData["StatusMessage"] = message;
        return Redirect($"{Request.PathBase}/{HttpContext.RequireTenant().Identifier}/admin/customers/details/{id}");
    }
}
