using System.Text.Json;
using Microsoft.DurableTask.Converters;
using ZuoraJobFlows.Workflow.Activities;
using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Tests.Serialization;

/// <summary>Every value that crosses the orchestration boundary survives the worker's default serializer.</summary>
public sealed class WorkerSerializerRoundTripTests
{
    private static readonly DateTimeOffset WithOffset = new(2025, 3, 30, 1, 59, 59, TimeSpan.FromHours(2));

    private static readonly RunSettings Settings = new()
    {
        OutputContainer = "zuora-results",
        PollInitialDelay = TimeSpan.FromMilliseconds(1500),
        PollMaxDelay = TimeSpan.FromMinutes(1),
        PollTimeout = TimeSpan.FromHours(26),
        SlotWaitInitialDelay = TimeSpan.FromSeconds(5),
    };

    public static TheoryData<object> Values => new()
    {
        new ImportRunInput
        {
            RunId = "imp-1", Container = "zuora-imports", BlobName = "create/vehicle/a b#[1]é.csv", ETag = "\"0x1\"",
            Operation = "create", Object = "vehicle", Delimiter = ";", Settings = Settings, RequestedAt = WithOffset,
        },
        new ImportRunResult
        {
            Status = RunStatus.CompletedWithErrors, Reason = "1 failed", ResultFolder = "f", SummaryBlob = "f/s",
            ErrorsBlob = "f/e", RetryBlob = "f/r", RecordsProcessed = 3, FailedRecords = 1,
        },
        new BulkJobInput
        {
            RunId = "imp-1", Chunk = 2, Object = "vehicle", Operation = BulkJobOperation.Delete,
            Filter = new BulkJobFilter([new BulkJobCondition("year__c", FilterOperator.GE,
                JsonDocument.Parse("2020").RootElement)]),
            Settings = Settings,
            State = new BulkJobState
            {
                JobId = "j", Uploaded = true, SlotWaits = 2, PollingStartedAt = WithOffset,
                NextDelay = TimeSpan.FromSeconds(8), Polls = 40, Generation = 2, CancelRequested = true,
                Phase = RunPhase.WaitingForZuora,
            },
        },
        new BulkJobResult
        {
            Chunk = 1, Outcome = JobOutcome.Cancelled, JobId = "j", JobStatus = BulkJobStatus.InProgress,
            RecordsProcessed = 5, ProcessingTimeMs = 12, ErrorCode = "71000020", ErrorMessage = "m", Reason = "r",
            Polls = 3, Generations = 2,
        },
        new DeleteRecordsInput
        {
            RunId = "del-1", Object = "vehicle",
            Filter = new BulkJobFilter([new BulkJobCondition("make__c", FilterOperator.EQ,
                JsonDocument.Parse("\"Volvo\"").RootElement)]),
            Settings = Settings, RequestedAt = WithOffset,
        },
        new RunCustomStatus
        {
            Phase = RunPhase.WaitingForSlot, ChunksTotal = 3, ChunksDone = 1, RecordsProcessed = 10,
            Jobs = [new JobProgress { Chunk = 1, Phase = RunPhase.Finished, JobId = "j",
                JobStatus = BulkJobStatus.Completed }],
        },
        new JobProgress { Chunk = 2, Phase = RunPhase.Uploading, JobId = "k", JobStatus = BulkJobStatus.Pending },
        new CancelSignal("because"),
        new PrepareImportInput
        {
            RunId = "r", Container = "c", BlobName = "b", Operation = BulkJobOperation.Update, Object = "o",
            OutputContainer = "out", MaxChunkBytes = 1024,
        },
        new PrepareImportResult
        {
            Accepted = true, Bytes = 10, Records = 2, Delimiter = ';',
            Chunks = [new ChunkPlan(1, "_staging/r/chunk-00001.csv", 2, 3, 2, 10)],
        },
        new SubmitJobResult { Outcome = SubmitOutcome.SlotUnavailable, RequestId = "q" },
        new UploadChunkResult { Outcome = UploadOutcome.AlreadyUploaded, JobStatus = BulkJobStatus.InProgress },
        new JobStatusResult { JobId = "j", Status = BulkJobStatus.Failed, ErrorCode = "c", ProcessingTimeMs = 5 },
        new WriteReportsResult { ErrorsBlob = "e", RetryBlob = "r", FailedRecords = 1, ErrorsByChunk = [new(1, 2)] },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Serialize_ThenDeserialize_GivesAnEqualValue(object value)
    {
        var converter = JsonDataConverter.Default;

        var json = converter.Serialize(value);
        var back = converter.Deserialize(json, value.GetType());

        Assert.Equal(json, converter.Serialize(back));
    }

    [Fact]
    public void Deserialize_DateTimeOffsetWithOffset_KeepsOffsetAndInstant()
    {
        var converter = JsonDataConverter.Default;
        var input = new DeleteRecordsInput
        {
            RunId = "del-1", Object = "vehicle", Filter = new BulkJobFilter([]), Settings = Settings,
                RequestedAt = WithOffset,
        };

        var back = converter.Deserialize<DeleteRecordsInput>(converter.Serialize(input))!;

        Assert.Equal(WithOffset, back.RequestedAt);
        Assert.Equal(TimeSpan.FromHours(2), back.RequestedAt.Offset);
        Assert.Equal(TimeSpan.FromHours(26), back.Settings.PollTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), back.Settings.PollInitialDelay);
    }

    [Fact]
    public void Serialize_Enums_AsReadableStrings()
    {
        var json = JsonDataConverter.Default.Serialize(new JobProgress
        {
            Chunk = 1, Phase = RunPhase.WaitingForSlot, JobStatus = BulkJobStatus.InProgress,
        });

        Assert.Contains("\"WaitingForSlot\"", json);
        Assert.Contains("\"in_progress\"", json);
    }
}
