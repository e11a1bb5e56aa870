namespace VibeCrm.Web.Features.PosApi;

/// <summary>Collects field errors for one request; <see cref="Problem"/> is the 400 with the <c>errors</c> object.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public FieldErrors Require(bool condition, string field, string message) => condition ? this : Add(field, message);

    public IResult Problem() => PosProblems.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
}
