namespace VibeCrm.Data.Feedback;

public enum FeedbackType
{
    Review = 0,
    Complaint = 1,
    Suggestion = 2,

    /// <summary>A general message that is neither of the others.</summary>
    Message = 3,
}

/// <summary>Where an item came from.</summary>
public enum FeedbackChannel
{
    Portal = 0,
    PublicLink = 1,
    Phone = 2,
    WalkIn = 3,
    Email = 4,
    Pos = 5,
}

/// <summary>Whether a review is shown in the member portal. Only reviews are ever published.</summary>
public enum ModerationState
{
    /// <summary>Held for review by the auto-publish rule (or not yet decided).</summary>
    Pending = 0,
    Published = 1,
    Hidden = 2,
}

public enum FeedbackStatus
{
    New = 0,
    Assigned = 1,
    InProgress = 2,
    WaitingOnCustomer = 3,
    Resolved = 4,
    Closed = 5,
}

public enum FeedbackPriority
{
    Low = 0,
    Normal = 1,
    High = 2,
    Urgent = 3,
}

/// <summary>One entry of an item's thread.</summary>
public enum FeedbackMessageKind
{
    /// <summary>Shown under the review in the member portal.</summary>
    PublicReply = 0,

    /// <summary>Sent to the customer by email; they can answer through a signed link.</summary>
    EmailReply = 1,

    /// <summary>The customer's answer to an email reply.</summary>
    CustomerAnswer = 2,

    /// <summary>Staff only; never shown to customers.</summary>
    InternalNote = 3,

    /// <summary>Workflow changes (status, priority, assignee, moderation), written by the system.</summary>
    Event = 4,
}
