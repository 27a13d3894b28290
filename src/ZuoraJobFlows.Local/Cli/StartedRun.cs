using System.Text.Json;
using System.Text.Json.Serialization;
using ZuoraJobFlows.Workflow.Api;

namespace ZuoraJobFlows.Local.Cli;

/// <summary>The answer to a start request: the run's id, or why there is none.</summary>
internal sealed record StartedRun(string? RunId, string Outcome, string? Problem)
{
    private static readonly JsonSerializerOptions BodyOptions =
        new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The <c>POST /api/imports</c> body for an uploaded file.</summary>
    public static byte[] RequestBody(ImportRequest request, string blobName) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new StartBody(blobName, request.ObjectName, request.Operation, request.Delimiter?.ToString()),
            BodyOptions);

    public static StartedRun From(int statusCode, string? location, string? body)
    {
        if (statusCode is not (200 or 202) || string.IsNullOrEmpty(location))
        {
            return new StartedRun(null, "not started", $"HTTP {statusCode}: {body}");
        }

        var id = Uri.UnescapeDataString(location.TrimEnd('/').Split('/')[^1]);
        return new StartedRun(id, statusCode == 202 ? "started" : "already exists for this file version", null);
    }

    public static StartedRun From(ApiResult result) =>
        From(result.StatusCode, result.Location,
            result.Body is null
                ? null
                : JsonSerializer.Serialize(result.Body, result.Body.GetType(), ImportApi.JsonOptions));

    private sealed record StartBody(
        string BlobName,
        [property: JsonPropertyName("object")] string ObjectName,
        string Operation,
        string? Delimiter);
}
