using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VibeCrm.Web.Features.PosApi;

public static class PosJson
{
    /// <summary>camelCase, enums as strings, comments and trailing commas refused (a till should send strict JSON).</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }
}

/// <summary>Marks a parsed body so the body filter can answer its problem before anything runs.</summary>
public interface IJsonBody
{
    IResult? Error { get; }
}

/// <summary>
/// A JSON request body read by the API itself rather than by model binding: the raw bytes are kept for the
/// idempotency hash, and malformed JSON becomes a 400 problem (never an exception or an empty 400).
/// </summary>
public sealed class JsonBody<T> : IJsonBody
    where T : class
{
    private JsonBody(T? value, IResult? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public IResult? Error { get; }

    public T Required => Value ?? throw new InvalidOperationException("The body filter lets no invalid body through.");

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Minimal APIs bind through a static BindAsync on the parameter type.")]
    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var raw = await PosRequestBody.ReadAsync(context);
        if (raw is null)
        {
            return new JsonBody<T>(null, PosProblems.Result(PosProblems.Validation with { Status = 413 }, $"The body is larger than {PosRequestBody.MaxBytes / 1024} KB."));
        }

        if (raw.Length == 0)
        {
            return new JsonBody<T>(null, PosProblems.Invalid("body", "A JSON body is required."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(raw, PosJson.Options);
            return value is null
                ? new JsonBody<T>(null, PosProblems.Invalid("body", "The body must be a JSON object."))
                : new JsonBody<T>(value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 1 } path ? $" at {path}" : "";
            var line = ex.LineNumber is { } l ? $" (line {l + 1}, position {ex.BytePositionInLine + 1})" : "";
            return new JsonBody<T>(null, PosProblems.Result(PosProblems.MalformedJson, $"The body could not be read as JSON{where}{line}: check commas, quotes and value types."));
        }
    }
}

public static class PosRequestBody
{
    public const int MaxBytes = 256 * 1024;

    public const string RawBodyItem = "PosApi.RawBody";

    /// <summary>The request body, read once and kept for the idempotency hash. Null when it is too large.</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(RawBodyItem, out var cached) && cached is byte[] bytes)
        {
            return bytes;
        }

        if (context.Request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        context.Items[RawBodyItem] = body;
        return body;
    }
}

/// <summary>Answers a malformed or missing body before idempotency and the handler run.</summary>
public sealed class JsonBodyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        foreach (var argument in context.Arguments)
        {
            if (argument is IJsonBody { Error: { } error })
            {
                return ValueTask.FromResult<object?>(error);
            }
        }

        return next(context);
    }
}
