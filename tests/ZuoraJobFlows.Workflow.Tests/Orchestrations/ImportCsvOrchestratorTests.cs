using System.Text.Json;
using Moq;
using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Workflow.Tests.Infrastructure;
using ZuoraJobFlows.Zuora;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Tests.Orchestrations;

public sealed class ImportCsvOrchestratorTests
{
    private const string Cars = "make__c,model__c,year__c\nVolvo,XC60,2020\nAudi,A4,2019\nFiat,500,2018\n";

    [Fact]
    public async Task RunAsync_JobCompletes_WritesCompletedSummaryAndCleansStaging()
    {
        var zuora = WorkflowTestHost.NewZuora();
        var job = new FakeJob("job-1");
        job.Attach(zuora);
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("create/vehicle/cars.csv", Cars);

        var id = await host.StartImportAsync(blobName, eTag);
        var metadata = await host.WaitForEndAsync(id);

        var result = metadata!.ReadOutputAs<ImportRunResult>()!;
        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal($"create/vehicle/cars.csv/{id}/summary.json", result.SummaryBlob);
        var summary = await host.ReadSummaryAsync(result);
        Assert.Equal("Completed", summary.GetProperty("status").GetString());
        Assert.Equal(id, summary.GetProperty("runId").GetString());
        Assert.Equal(3, summary.GetProperty("input").GetProperty("records").GetInt64());
        Assert.Equal("job-1", summary.GetProperty("jobs")[0].GetProperty("id").GetString());
        Assert.Equal(2, summary.GetProperty("jobs")[0].GetProperty("firstRow").GetInt64());
        Assert.Equal(4, summary.GetProperty("jobs")[0].GetProperty("lastRow").GetInt64());
        Assert.Equal("completed", summary.GetProperty("jobs")[0].GetProperty("status").GetString());
        Assert.Equal(3, summary.GetProperty("recordsProcessed").GetInt64());
        Assert.Equal([$"{id}:1:submit"], job.SubmitKeys);
        Assert.Equal([$"{id}:1:upload"], job.UploadKeys);
        Assert.Empty(await host.ListOutputAsync($"_staging/{id}/"));
    }

    [Fact]
    public async Task RunAsync_RowsRefused_WritesErrorsAndRetryReports()
    {
        var zuora = WorkflowTestHost.NewZuora();
        var job = new FakeJob("job-2");
        job.Attach(zuora);
        zuora.Setup(z => z.GetJobErrorsAsync("job-2", It.IsAny<ZuoraRequestOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(() => ZuoraFakes.Errors(new BulkJobError("71000020", "year__c is not an integer", 3, null)));
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("create/vehicle/cars.csv", Cars);

        var id = await host.StartImportAsync(blobName, eTag);
        var metadata = await host.WaitForEndAsync(id);

        var result = metadata!.ReadOutputAs<ImportRunResult>()!;
        Assert.Equal(RunStatus.CompletedWithErrors, result.Status);
        var summary = await host.ReadSummaryAsync(result);
        Assert.Equal(1, summary.GetProperty("failedRecords").GetInt64());
        Assert.Equal(result.ErrorsBlob, summary.GetProperty("reports").GetProperty("errors").GetString());
        var errors = await host.ReadOutputBlobAsync(result.ErrorsBlob!);
        Assert.StartsWith("row,code,message,make__c,model__c,year__c", errors);
        Assert.Contains("3,71000020,year__c is not an integer,Audi,A4,2019", errors);
        var retry = await host.ReadOutputBlobAsync(result.RetryBlob!);
        Assert.Equal("make__c,model__c,year__c\nAudi,A4,2019\n", retry);
    }

    [Fact]
    public async Task RunAsync_ZuoraJobFails_EndsFailedWithZuoraCode()
    {
        var zuora = WorkflowTestHost.NewZuora();
        var job = new FakeJob("job-3")
        {
            FinalStatus = BulkJobStatus.Failed,
            Failure = new BulkJobFailure("71100050", "File could not be parsed"),
        };
        job.Attach(zuora);
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("create/vehicle/cars.csv", Cars);

        var id = await host.StartImportAsync(blobName, eTag);
        var metadata = await host.WaitForEndAsync(id);

        var summary = await host.ReadSummaryAsync(metadata!.ReadOutputAs<ImportRunResult>()!);
        Assert.Equal("Failed", summary.GetProperty("status").GetString());
        Assert.Contains("71100050", summary.GetProperty("reason").GetString());
        Assert.Equal("71100050", summary.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("failed", summary.GetProperty("jobs")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task RunAsync_SlotRefusedTwice_WaitsForSlotThenCompletes()
    {
        var zuora = WorkflowTestHost.NewZuora();
        var job = new FakeJob("job-4");
        job.Attach(zuora);
        var refusals = 2;
        zuora.Setup(z => z.SubmitJobAsync(It.IsAny<BulkJobRequest>(), It.IsAny<ZuoraRequestOptions?>(),
            It.IsAny<CancellationToken>()))
            .Returns((BulkJobRequest _, ZuoraRequestOptions? options, CancellationToken _) =>
            {
                job.SubmitKeys.Enqueue(options?.IdempotencyKey);
                return Interlocked.Decrement(ref refusals) >= 0
                    ? Task.FromException<BulkJob>(ZuoraFakes.JobLimit())
                    : Task.FromResult(ZuoraFakes.Job("job-4", BulkJobStatus.Accepted));
            });
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("create/vehicle/cars.csv", Cars);

        var id = await host.StartImportAsync(blobName, eTag);
        var waiting = await Eventually.WaitForAsync(
            () => host.Client.GetInstanceAsync(id, getInputsAndOutputs: true),
            m => m?.ReadCustomStatusAs<RunCustomStatus>()?.Phase == RunPhase.WaitingForSlot,
            TimeSpan.FromSeconds(30),
            "the run to wait for a Zuora slot");
        var metadata = await host.WaitForEndAsync(id);

        Assert.Equal(RunPhase.WaitingForSlot, waiting!.ReadCustomStatusAs<RunCustomStatus>()!.Phase);
        Assert.Equal(RunStatus.Completed, metadata!.ReadOutputAs<ImportRunResult>()!.Status);
        Assert.Equal(3, job.SubmitKeys.Count);
        Assert.All(job.SubmitKeys, key => Assert.Equal($"{id}:1:submit", key));
    }

    [Fact]
    public async Task RunAsync_JobNeverFinishes_TimesOutAndCancelsJob()
    {
        var zuora = WorkflowTestHost.NewZuora();
        var job = new FakeJob("job-5");
        job.Attach(zuora);
        zuora.Setup(z => z.UploadFileAsync("job-5", It.IsAny<Stream>(), It.IsAny<string>(),
            It.IsAny<ZuoraRequestOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((string _, Stream _, string _, ZuoraRequestOptions? options, CancellationToken _) =>
            {
                job.UploadKeys.Enqueue(options?.IdempotencyKey);
                job.StuckIn = BulkJobStatus.Pending;
                return Task.FromResult(ZuoraFakes.Job("job-5", BulkJobStatus.Pending));
            });
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("create/vehicle/cars.csv", Cars);
        var settings = WorkflowTestHost.FastSettings(host.OutputContainer) with
        {
            PollTimeout = TimeSpan.FromSeconds(1),
        };

        var id = await host.StartImportAsync(blobName, eTag, settings);
        var metadata = await host.WaitForEndAsync(id);

        var summary = await host.ReadSummaryAsync(metadata!.ReadOutputAs<ImportRunResult>()!);
        Assert.Equal("Failed", summary.GetProperty("status").GetString());
        Assert.Contains("did not finish within", summary.GetProperty("reason").GetString());
        Assert.Contains("cancelled", summary.GetProperty("reason").GetString());
        Assert.Equal(1, job.CancelCalls);
    }

    [Fact]
    public async Task RunAsync_JobStillInProgressAtTimeout_ItsRowsAreNotListedAsNeverProcessed()
    {
        var zuora = WorkflowTestHost.NewZuora();
        var job = new FakeJob("job-7") { StuckIn = BulkJobStatus.InProgress };
        job.Attach(zuora);
        zuora.Setup(z => z.CancelJobAsync("job-7", It.IsAny<ZuoraRequestOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(ZuoraFakes.Permanent("71130050", "The job is in progress and cannot be cancelled."));
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("create/vehicle/cars.csv", Cars);
        var settings = WorkflowTestHost.FastSettings(host.OutputContainer) with
        {
            PollTimeout = TimeSpan.FromSeconds(1),
        };

        var id = await host.StartImportAsync(blobName, eTag, settings);
        var metadata = await host.WaitForEndAsync(id);

        // Zuora may still load these rows: listing them in retry.csv would make a retry create them twice.
        var result = metadata!.ReadOutputAs<ImportRunResult>()!;
        var summary = await host.ReadSummaryAsync(result);
        Assert.Equal("Failed", summary.GetProperty("status").GetString());
        Assert.Equal(0, summary.GetProperty("unsentRecords").GetInt64());
        Assert.Null(result.RetryBlob);
        Assert.DoesNotContain("never processed", summary.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task RunAsync_UploadFailsOnceTransiently_RetriesWithSameIdempotencyKey()
    {
        var zuora = WorkflowTestHost.NewZuora();
        var job = new FakeJob("job-6");
        job.Attach(zuora);
        job.FailUploads(zuora, 1, ZuoraFakes.Transient());
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("create/vehicle/cars.csv", Cars);

        var id = await host.StartImportAsync(blobName, eTag);
        var metadata = await host.WaitForEndAsync(id);

        Assert.Equal(RunStatus.Completed, metadata!.ReadOutputAs<ImportRunResult>()!.Status);
        Assert.Equal([$"{id}:1:upload", $"{id}:1:upload"], job.UploadKeys);
        Assert.Single(job.SubmitKeys);
    }

    [Fact]
    public async Task RunAsync_SubmitRefusedPermanently_FailsWithoutRetry()
    {
        var zuora = WorkflowTestHost.NewZuora();
        var calls = 0;
        zuora.Setup(z => z.SubmitJobAsync(It.IsAny<BulkJobRequest>(), It.IsAny<ZuoraRequestOptions?>(),
            It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                Interlocked.Increment(ref calls);
                return Task.FromException<BulkJob>(ZuoraFakes.Permanent("71000011", "Operation not allowed"));
            });
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("create/vehicle/cars.csv", Cars);

        var id = await host.StartImportAsync(blobName, eTag);
        var metadata = await host.WaitForEndAsync(id);

        var summary = await host.ReadSummaryAsync(metadata!.ReadOutputAs<ImportRunResult>()!);
        Assert.Equal("Failed", summary.GetProperty("status").GetString());
        Assert.Equal("71000011", summary.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("Operation not allowed", summary.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task RunAsync_LongJob_ContinuesAsNewAndKeepsHistoryBounded()
    {
        var zuora = WorkflowTestHost.NewZuora();
        var job = new FakeJob("job-8") { PollsUntilDone = 9 };
        job.Attach(zuora);
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("create/vehicle/cars.csv", Cars);
        var settings = WorkflowTestHost.FastSettings(host.OutputContainer) with
        {
            PollMaxDelay = TimeSpan.FromMilliseconds(100),
            PollsPerGeneration = 3,
        };

        var id = await host.StartImportAsync(blobName, eTag, settings);
        var metadata = await host.WaitForEndAsync(id);

        Assert.Equal(RunStatus.Completed, metadata!.ReadOutputAs<ImportRunResult>()!.Status);
        var child = await host.Client.GetInstanceAsync($"{id}:chunk:1", getInputsAndOutputs: true);
        var jobResult = child!.ReadOutputAs<BulkJobResult>()!;
        Assert.True(jobResult.Generations >= 3, $"expected continue-as-new, got {jobResult.Generations} generation(s)");
        Assert.Equal(10, jobResult.Polls);
    }

    [Fact]
    public async Task RunAsync_CancelRequested_CancelsJobAndEndsCancelled()
    {
        var zuora = WorkflowTestHost.NewZuora();
        var job = new FakeJob("job-9") { StuckIn = BulkJobStatus.Accepted };
        job.Attach(zuora);
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("create/vehicle/cars.csv", Cars);
        var api = host.Services.GetService(typeof(ZuoraJobFlows.Workflow.Api.ImportApi))
            as ZuoraJobFlows.Workflow.Api.ImportApi;

        var id = await host.StartImportAsync(blobName, eTag);
        await Eventually.WaitForAsync(
            () => Task.FromResult(job.GetJobCalls), calls => calls > 0, TimeSpan.FromSeconds(30), "the upload check");
        var cancel = await api!.CancelImportAsync(host.Client, id, CancellationToken.None);
        Assert.Equal(202, cancel.StatusCode);
        var metadata = await host.WaitForEndAsync(id);

        var result = metadata!.ReadOutputAs<ImportRunResult>()!;
        var summary = await host.ReadSummaryAsync(result);
        Assert.Equal("Cancelled", summary.GetProperty("status").GetString());
        Assert.Equal(1, job.CancelCalls);
        Assert.Empty(job.UploadKeys);

        // Nothing reached Zuora, so every row is still to load: all of them are in retry.csv, marked in errors.csv.
        Assert.Equal(3, summary.GetProperty("unsentRecords").GetInt64());
        Assert.Equal(0, summary.GetProperty("failedRecords").GetInt64());
        Assert.Contains("3 row(s) Zuora never processed", summary.GetProperty("reason").GetString());
        Assert.Equal(Cars, await host.ReadOutputBlobAsync(result.RetryBlob!));
        var errors = await host.ReadOutputBlobAsync(result.ErrorsBlob!);
        Assert.Equal(4, errors!.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("2,NOT_SENT,", errors, StringComparison.Ordinal);
        Assert.Contains("4,NOT_SENT,", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ObjectNotDefined_RejectedWithoutZuoraJob()
    {
        var zuora = WorkflowTestHost.NewZuora();
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("create/boat/boats.csv", Cars);

        var id = await host.StartImportAsync(blobName, eTag);
        var metadata = await host.WaitForEndAsync(id);

        var summary = await host.ReadSummaryAsync(metadata!.ReadOutputAs<ImportRunResult>()!);
        Assert.Equal("Rejected", summary.GetProperty("status").GetString());
        Assert.Contains("'boat' is not defined", summary.GetProperty("reason").GetString());
        zuora.Verify(
            z => z.SubmitJobAsync(It.IsAny<BulkJobRequest>(), It.IsAny<ZuoraRequestOptions?>(),
                It.IsAny<CancellationToken>()),
            Times.Never);
    }

    [Fact]
    public async Task RunAsync_UnknownOperationFolder_RejectedWithSummary()
    {
        var zuora = WorkflowTestHost.NewZuora();
        await using var host = await WorkflowTestHost.StartAsync(zuora.Object);
        var (blobName, eTag) = await host.UploadAsync("upsert/vehicle/cars.csv", Cars);

        var id = await host.StartImportAsync(blobName, eTag);
        var metadata = await host.WaitForEndAsync(id);

        var result = metadata!.ReadOutputAs<ImportRunResult>()!;
        Assert.Equal(RunStatus.Rejected, result.Status);
        var summary = await host.ReadSummaryAsync(result);
        Assert.Contains("'upsert'", summary.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Array, summary.GetProperty("jobs").ValueKind);
    }
}
