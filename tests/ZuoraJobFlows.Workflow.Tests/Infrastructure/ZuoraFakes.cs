using System.Net;
using ZuoraJobFlows.Zuora;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Tests.Infrastructure;

internal static class ZuoraFakes
{
    public static CustomObjectDefinition Vehicle { get; } = new()
    {
        ObjectName = "vehicle",
        Properties = new Dictionary<string, CustomObjectProperty>
        {
            ["make__c"] = new() { Type = "string" },
            ["model__c"] = new() { Type = "string" },
            ["year__c"] = new() { Type = "integer" },
        },
    };

    public static BulkJob Job(string id, BulkJobStatus status, long processed = 0) => new()
    {
        Id = id,
        ObjectName = "vehicle",
        Operation = BulkJobOperation.Create,
        Namespace = "default",
        Status = status,
        RecordsProcessed = processed,
        ProcessingTime = processed * 10,
        RequestId = $"req-{id}-{status}",
    };

    public static ZuoraApiException JobLimit() => new(
        "Concurrent bulk job limit reached",
        HttpStatusCode.BadRequest,
        [new ZuoraErrorDetail("71130043", "Concurrent bulk job limit reached")],
        "req-limit",
        ZuoraFailureKind.JobLimitReached);

    public static ZuoraApiException Transient() => new(
        "Service unavailable",
        HttpStatusCode.ServiceUnavailable,
        [],
        "req-503",
        ZuoraFailureKind.Transient);

    public static ZuoraApiException Permanent(string code, string message) => new(
        $"Zuora refused the request: {code} {message}",
        HttpStatusCode.BadRequest,
        [new ZuoraErrorDetail(code, message)],
        "req-400",
        ZuoraFailureKind.Permanent);

    public static async IAsyncEnumerable<BulkJobError> Errors(params BulkJobError[] errors)
    {
        foreach (var error in errors)
        {
            yield return error;
        }

        await Task.CompletedTask;
    }
}
