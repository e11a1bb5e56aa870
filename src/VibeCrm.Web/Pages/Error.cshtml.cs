using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace VibeCrm.Web.Pages;

/// <summary>The friendly error page: what happened in plain words and a reference for support, never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed partial class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public int Status { get; private set; } = 500;

    public string CorrelationId { get; private set; } = "";

    public IActionResult OnGet(int? code) => Handle(code);

    public IActionResult OnPost(int? code) => Handle(code);

    private PageResult Handle(int? code)
    {
        Status = code ?? 500;
        CorrelationId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (error is not null)
        {
            LogUnhandled(logger, error.Error, error.Path, CorrelationId);
        }

        Response.StatusCode = Status;
        return Page();
    }

    public string Title => Status switch
    {
        400 => "That request did not look right",
        401 or 403 => "You do not have access to this page",
        404 => "We could not find that page",
        429 => "Too many attempts",
        503 => "Temporarily unavailable",
        _ => "Something went wrong on our side",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path} (reference {CorrelationId})")]
    private static partial void LogUnhandled(ILogger logger, Exception ex, string path, string correlationId);
}
