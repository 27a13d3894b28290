using System.Text.Json;
using System.Text.Json.Serialization;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>The answer to a start request: the run's id, or why there is none.</summary>
internal sealed record StartedRun(string? RunId, string Outcome, string? Problem)
{
    private const int MaxRawBodyLength = 300;

    private static readonly JsonSerializerOptions BodyOptions =
        new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The <c>POST /api/imports</c> body for an uploaded file.</summary>
    public static byte[] RequestBody(ImportRequest request, string blobName) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new StartBody(blobName, request.ObjectName, request.Operation,
                request.Delimiter is { } delimiter ? InputUploader.DelimiterName(delimiter) : null),
            BodyOptions);

    /// <summary>The answer of the HTTP API (<c>zjf serve</c> or a Functions app).</summary>
    public static StartedRun FromHttp(int statusCode, string? location, string? body)
    {
        if (IsStarted(statusCode, location))
        {
            return Started(statusCode, location!);
        }

        var problem = TryReadProblem(body);
        var text = problem is not null ? Describe(problem) : RawBody(body);
        return NotStarted($"the runner API answered {statusCode}{(text.Length > 0 ? ": " : ".")}{text}");
    }

    /// <summary>The answer of the API's logic called in this process: no HTTP is involved.</summary>
    public static StartedRun From(ApiResult result)
    {
        ArgumentNullException.ThrowIfNull(result);

        if (IsStarted(result.StatusCode, result.Location))
        {
            return Started(result.StatusCode, result.Location!);
        }

        return NotStarted(result.Body is ProblemBody problem
            ? Describe(problem)
            : $"the request was refused (status {result.StatusCode}).");
    }

    /// <summary>A problem's detail, or its field errors one per line when it has them.</summary>
    public static string Describe(ProblemBody problem)
    {
        ArgumentNullException.ThrowIfNull(problem);

        if (problem.Errors is not { Count: > 0 } errors)
        {
            return string.IsNullOrWhiteSpace(problem.Detail) ? problem.Title : problem.Detail;
        }

        var lines = errors.SelectMany(field => field.Value.Select(message => $"  {field.Key}: {message}"));
        return $"{problem.Title}{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }

    private static bool IsStarted(int statusCode, string? location) =>
        statusCode is 200 or 202 && !string.IsNullOrEmpty(location);

    private static StartedRun Started(int statusCode, string location)
    {
        var id = Uri.UnescapeDataString(location.TrimEnd('/').Split('/')[^1]);
        return new StartedRun(id, statusCode == 202 ? "started" : "already exists for this file version", null);
    }

    private static StartedRun NotStarted(string problem) => new(null, "not started", problem);

    private static ProblemBody? TryReadProblem(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var problem = JsonSerializer.Deserialize<ProblemBody>(body, ImportApi.JsonOptions);
            return problem is { Title: not null } ? problem : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A body that is not a problem (a proxy's error page, say) is shown, but only its start.
    private static string RawBody(string? body)
    {
        var text = (body ?? string.Empty).Trim();
        return text.Length <= MaxRawBodyLength ? text : $"{text[..MaxRawBodyLength]}…";
    }

    private sealed record StartBody(
        string BlobName,
        [property: JsonPropertyName("object")] string ObjectName,
        string Operation,
        string? Delimiter);
}
