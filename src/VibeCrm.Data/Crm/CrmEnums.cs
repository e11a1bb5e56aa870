namespace VibeCrm.Data.Crm;

public enum CustomerStatus
{
    Active = 0,
    Inactive = 1,
    Blocked = 2,
}

public enum ContactChannel
{
    Email = 0,
    Sms = 1,
    Push = 2,
    DirectMail = 3,
}

/// <summary>Where a consent or a record came from.</summary>
public enum RecordSource
{
    Staff = 0,
    Portal = 1,
    Pos = 2,
    Import = 3,
}

public enum InteractionType
{
    Call = 0,
    Email = 1,
    Meeting = 2,
    Ticket = 3,
    Sms = 4,
    Note = 5,
}

public enum InteractionDirection
{
    None = 0,
    Inbound = 1,
    Outbound = 2,
}

public enum TicketStatus
{
    Open = 0,
    Pending = 1,
    Resolved = 2,
    Closed = 3,
}

public enum Priority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

public enum StageKind
{
    Open = 0,
    Won = 1,
    Lost = 2,
}

public enum LeadSource
{
    WalkIn = 0,
    Website = 1,
    Referral = 2,
    Campaign = 3,
    Social = 4,
    Event = 5,
    Import = 6,
    Other = 7,
}

public enum LeadStatus
{
    New = 0,
    Contacted = 1,
    Qualified = 2,
    Disqualified = 3,
    Converted = 4,
}

public enum CustomFieldType
{
    Text = 0,
    Number = 1,
    Date = 2,
    YesNo = 3,
    Choice = 4,
}
