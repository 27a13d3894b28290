using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Workflow.Telemetry;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>Writes <c>summary.json</c>; every run ends with one, rejected and failed runs included.</summary>
public sealed class WriteSummaryActivity(BlobServiceClient blobs, ILogger<WriteSummaryActivity> logger)
{
    private readonly BlobServiceClient _blobs = blobs;
    private readonly ILogger<WriteSummaryActivity> _logger = logger;

    public async Task<string> RunAsync(WriteSummaryInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        try
        {
            var container = _blobs.GetBlobContainerClient(input.OutputContainer);
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

            var json = JsonSerializer.SerializeToUtf8Bytes(input.Summary, SummaryJson.Options);
            var options = new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            };
            await container.GetBlobClient(input.SummaryBlob).UploadAsync(new BinaryData(json), options,
                cancellationToken);

            ActivityLog.SummaryWritten(_logger, input.Summary.RunId, input.SummaryBlob, input.Summary.Status);
            RecordJobs(input.Summary);
            return input.SummaryBlob;
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            ActivityLog.TransientFailure(_logger, ex, input.Summary.RunId, WorkflowNames.WriteSummary);
            WorkflowTelemetry.RecordRetry(WorkflowNames.WriteSummary, "transient");
            throw TransientFailures.Wrap(ex);
        }
    }

    // Recorded here, once the run's outcome is written, rather than in the orchestrators, which replay.
    private static void RecordJobs(RunSummary summary)
    {
        foreach (var job in summary.Jobs.Where(j => j.Id is not null && j.Status is not null))
        {
            WorkflowTelemetry.RecordJobFinished(
                summary.Object,
                summary.Operation,
                job.Status!.Value.ToString().ToLowerInvariant(),
                job.RecordsProcessed,
                job.FailedRecords);
        }
    }
}
