namespace ZuoraJobFlows.Workflow.Api;

/// <summary>The RFC 9457 problem body of every error answer.</summary>
/// <param name="RunId">The run the problem is about, when there is one (an extension member).</param>
public sealed record ProblemBody(
    string Type,
    string Title,
    int Status,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? RunId = null);

internal static class Problems
{
    public static ApiResult BadRequest(string field, string message) =>
        BadRequest(new Dictionary<string, string[]> { [field] = [message] });

    public static ApiResult BadRequest(IReadOnlyDictionary<string, string[]> errors) => new(
        400,
        new ProblemBody(
            "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            "The request is not valid.",
            400,
            string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))),
            errors));

    public static ApiResult NotFound(string detail) => new(
        404,
        new ProblemBody("https://tools.ietf.org/html/rfc9110#section-15.5.5", "Not found.", 404, detail));

    public static ApiResult StartConflict(string runId, string detail, IReadOnlyDictionary<string, string[]> errors) =>
        new(
            409,
            new ProblemBody(
                "https://tools.ietf.org/html/rfc9110#section-15.5.10",
                "This blob version already has a run with other settings.",
                409,
                detail,
                errors,
                runId));

    public static ApiResult Conflict(string detail) => new(
        409,
        new ProblemBody("https://tools.ietf.org/html/rfc9110#section-15.5.10", "Conflict.", 409, detail));
}
