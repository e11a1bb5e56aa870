using VibeCrm.Data.Crm;

namespace VibeCrm.Web.Features.Interactions;

public static class InteractionLabels
{
    public static readonly IReadOnlyList<InteractionType> Types =
        [InteractionType.Call, InteractionType.Email, InteractionType.Meeting, InteractionType.Ticket, InteractionType.Sms, InteractionType.Note];

    public static string Type(InteractionType type) => type switch
    {
        InteractionType.Call => "Call",
        InteractionType.Email => "Email",
        InteractionType.Meeting => "Meeting",
        InteractionType.Ticket => "Ticket",
        InteractionType.Sms => "SMS",
        InteractionType.Note => "Note",
        _ => type.ToString(),
    };

    public static string Icon(InteractionType type) => type switch
    {
        InteractionType.Call => "☎",
        InteractionType.Email => "✉",
        InteractionType.Meeting => "◎",
        InteractionType.Ticket => "⚑",
        InteractionType.Sms => "✆",
        _ => "✎",
    };

    public static string Describe(InteractionType type, InteractionDirection direction) => direction switch
    {
        InteractionDirection.Inbound => $"{Type(type)} (in)",
        InteractionDirection.Outbound => $"{Type(type)} (out)",
        _ => Type(type),
    };
}
