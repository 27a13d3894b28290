using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Local.Cli;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Orchestrations;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Local.Tests;

public sealed class CliProgressLineTests
{
    [Fact]
    public void Describe_ManyActiveJobs_NamesThreeAndCountsTheRest()
    {
        var snapshot = new RunSnapshot
        {
            RuntimeStatus = "Running",
            Phase = "WaitingForZuora",
            ChunksDone = 12,
            ChunksTotal = 70,
            RecordsProcessed = 123_456,
            ActiveJobIds = [.. Enumerable.Range(1, 58).Select(i => $"job-{i}")],
        };

        var line = RunProgressLine.Describe(snapshot);

        Assert.Equal("WaitingForZuora · chunks 12/70 · 123,456 records · jobs job-1, job-2, job-3 +55 more", line);
    }

    [Theory]
    [InlineData(0, "Uploading · 0 records")]
    [InlineData(1, "Uploading · 1 record")]
    [InlineData(2, "Uploading · 2 records")]
    public void Describe_RecordCount_IsPluralisedByCount(long records, string expected)
    {
        var snapshot = new RunSnapshot { RuntimeStatus = "Running", Phase = "Uploading", RecordsProcessed = records };

        Assert.Equal(expected, RunProgressLine.Describe(snapshot));
    }

    [Fact]
    public void Describe_OneActiveJob_SaysJob()
    {
        var snapshot = new RunSnapshot
        {
            RuntimeStatus = "Running",
            Phase = "WaitingForZuora",
            ChunksTotal = 1,
            ActiveJobIds = ["abc"],
        };

        Assert.Equal("WaitingForZuora · chunks 0/1 · 0 records · job abc", RunProgressLine.Describe(snapshot));
    }

    [Fact]
    public void From_RunViewWithFinishedAndActiveJobs_KeepsOnlyActiveJobsInChunkOrder()
    {
        var run = new RunView
        {
            Id = "import-1",
            Kind = "import",
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            StatusUri = "/api/imports/import-1",
            Jobs =
            [
                Job(3, "c", RunPhase.WaitingForZuora, BulkJobStatus.InProgress),
                Job(1, "a", RunPhase.Finished, BulkJobStatus.Completed),
                Job(2, "b", RunPhase.Uploading, BulkJobStatus.Pending),
                Job(4, null, RunPhase.WaitingForSlot, null),
                Job(5, "e", RunPhase.CollectingErrors, BulkJobStatus.Failed),
            ],
        };

        var snapshot = RunViewSnapshot.From(run);

        Assert.Equal(["b", "c"], snapshot.ActiveJobIds);
    }

    private static JobProgress Job(int chunk, string? id, RunPhase phase, BulkJobStatus? status) =>
        new() { Chunk = chunk, JobId = id, Phase = phase, JobStatus = status };
}
