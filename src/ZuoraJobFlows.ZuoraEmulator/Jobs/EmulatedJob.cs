using System.Globalization;
using System.Text.Json.Nodes;

namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>A bulk job. Mutable state; every read and write happens under the state's lock.</summary>
internal sealed class EmulatedJob
{
    public required string Id { get; init; }

    public required string Namespace { get; init; }

    public required string ObjectName { get; init; }

    public required string Operation { get; init; }

    public required string CreatedById { get; init; }

    public required DateTimeOffset CreatedDate { get; init; }

    public IReadOnlyList<FilterCondition> Filter { get; init; } = [];

    public string Status { get; set; } = JobStatus.Accepted;

    public DateTimeOffset UpdatedDate { get; set; }

    public long RecordsProcessed { get; set; }

    public DateTimeOffset? ProcessingStarted { get; set; }

    public long? ProcessingTimeMs { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public string? FilePath { get; set; }

    public long FileBytes { get; set; }

    public List<RowError> Errors { get; } = [];

    public int UploadsReceived { get; set; }

    /// <summary>Uploads whose whole file arrived, accepted or not; a body cut off mid-way is not counted.</summary>
    public int WholeFilesReceived { get; set; }

    public int StatusGets { get; set; }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["namespace"] = Namespace,
            ["object"] = ObjectName,
            ["operation"] = Operation,
            ["status"] = Status,
            ["recordsProcessed"] = RecordsProcessed,
            ["processingTime"] = ProcessingTimeMs,
            ["createdById"] = CreatedById,
            ["createdDate"] = FormatDate(CreatedDate),
            ["updatedById"] = CreatedById,
            ["updatedDate"] = FormatDate(UpdatedDate),
        };

        if (Filter.Count > 0)
        {
            json["filter"] = new JsonObject
            {
                ["conditions"] = new JsonArray([.. Filter.Select(condition => (JsonNode)new JsonObject
                {
                    ["field"] = condition.Field,
                    ["operator"] = condition.Operator,
                    ["value"] = condition.RawValue?.DeepClone(),
                })]),
            };
        }

        if (ErrorCode is not null)
        {
            json["error"] = new JsonObject { ["code"] = ErrorCode, ["message"] = ErrorMessage };
        }

        return json;
    }

    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
