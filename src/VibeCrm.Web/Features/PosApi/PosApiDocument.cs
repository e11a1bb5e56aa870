using System.Globalization;
using System.Text;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>
/// The OpenAPI document of the POS API (<c>/api/v1/openapi/pos.json</c>) and its browsable reference page
/// (<c>/api/v1/reference</c>). The page is ours: Scalar's script is served from the package (no CDN) and started by
/// <c>wwwroot/js/api-reference.js</c>, so no inline script is needed. Scalar injects its styles at run time, so that one
/// path allows inline styles (see <see cref="Infrastructure.Security.SecurityHeadersMiddleware"/>).
/// </summary>
public static class PosApiDocument
{
    /// <summary>Where Scalar's own assets (scalar.js) are served from.</summary>
    public const string AssetsPath = PosApiRoutes.Root + "/reference-assets";

    public static IServiceCollection AddPosApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi(PosApiRoutes.DocumentName, o =>
        {
            o.ShouldInclude = d => d.GroupName == PosApiRoutes.DocumentName;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "VibeCrm POS API", Version = "v1", Description = Description() };
                document.Servers = [new OpenApiServer { Url = "/", Description = "This server (also under /{tenant}/api/v1)" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "`Authorization: Bearer vk_{tenant}_{id}_{secret}` (or the same key in `X-Api-Key`). Create keys in the back office: Settings → API keys.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] }];
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                if (string.Equals(context.Description.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = IdempotencyFilter.Header,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = "Any unique string up to 255 characters (a UUID). Retries with the same key and body replay the first response.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyFilter.MaxKeyLength },
                    });
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static void MapPosApiDocument(this WebApplication app)
    {
        app.MapOpenApi(PosApiRoutes.OpenApiPath).AllowAnonymous();
        app.MapScalarApiReference(AssetsPath).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(PosApiRoutes.ReferencePath, () => Results.Content(ReferencePage, "text/html; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
    }

    private static readonly string ReferencePage = $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>VibeCrm POS API reference</title>
        </head>
        <body>
          <main id="api-reference" data-openapi-url="{{PosApiRoutes.Root}}/openapi/{{PosApiRoutes.DocumentName}}.json">
            <noscript><p>The reference needs JavaScript. The OpenAPI document is at <a href="{{PosApiRoutes.Root}}/openapi/{{PosApiRoutes.DocumentName}}.json">{{PosApiRoutes.Root}}/openapi/{{PosApiRoutes.DocumentName}}.json</a>.</p></noscript>
          </main>
          <script src="{{AssetsPath}}/scalar.js"></script>
          <script src="/js/api-reference.js"></script>
        </body>
        </html>
        """;

    private static string Description()
    {
        var text = new StringBuilder();
        text.Append("""
            The till's API: look members up, create customers and enrol them, record purchases and refunds (points are earned and
            reversed by the program's rules), redeem rewards and validate, consume or cancel reward codes.

            ## Authentication
            Every call needs an API key of the merchant, created by an Owner or Manager in the back office under **Settings → API keys**
            (shown once; only its hash is stored). Send it as `Authorization: Bearer <key>` or `X-Api-Key: <key>`. The key names its
            merchant, so `/api/v1/...` works with the key alone; `/{tenant}/api/v1/...` works too, and a key never works for another
            merchant. Missing, unknown and revoked keys get a `401` problem.

            ## Rate limit
            Each key has its own budget (600 requests a minute by default, in bursts of up to the same number). Beyond it: `429` with
            `Retry-After` in seconds.

            ## Idempotency
            Every `POST` accepts an `Idempotency-Key` header (any unique string, up to 255 characters; a UUID is a good choice), kept
            24 hours per API key, with Stripe's semantics:
            - the same key with the same method, path and body returns the first response again (same status and body) with the header
              `Idempotent-Replayed: true`;
            - the same key with a different request: `422` (`idempotency-key-reused`);
            - while the first request with that key is still running: `409` (`idempotency-in-progress`) with `Retry-After`;
            - `400` answers (the request was not valid, nothing ran) and server errors are not kept: fix and retry with the same key.

            Purchases are also idempotent by their `externalId` (the receipt id) and refunds by their `refundExternalId`: a till that
            retries never earns or reverses twice.

            ## Errors
            Errors are `application/problem+json` (RFC 9457): `type`, `title`, `status`, `detail`, `instance`, `traceId`; validation
            errors add `errors` (field → messages). Malformed JSON is a `400` problem.

            | status | type | title |
            |---|---|---|

            """);
        foreach (var kind in PosProblems.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {kind.Status} | `{kind.Type}` | {kind.Title} |\n");
        }

        text.Append("""

            ## Member card
            Each membership has a 16-digit card number; its QR code encodes `VIBECRM:CARD:<number>`. Look members up by either.
            """);
        return text.ToString();
    }
}
