using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>The shared case files that must be refused before any Zuora call, naming the problem and where.</summary>
public sealed class CsvCaseRejectedTests
{
    [Fact]
    public async Task Import_Windows1252_RejectedNamingEncodingAndLine()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "windows-1252.csv");

        AssertRejected(host, run, "UTF-8", "line 2", "row 2", "column 1");
        Assert.Equal(0, host.Emulator.RecordCount("vehicle"));
    }

    [Fact]
    public async Task Import_DuplicateHeader_RejectedNamingTheColumn()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "duplicate-header.csv");

        AssertRejected(host, run, "duplicate", "model__c", "columns 2 and 3");
    }

    [Fact]
    public async Task Import_HeaderOnly_RejectedSayingThereAreNoRecords()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "header-only.csv");

        AssertRejected(host, run, "no records");
    }

    [Fact]
    public async Task Import_UnterminatedQuote_RejectedNamingTheRowWhereItOpened()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "unterminated-quote.csv");

        AssertRejected(host, run, "Row 2", "quote", "line 2");
    }

    [Fact]
    public async Task Import_UpdateWithoutId_RejectedNamingTheMissingColumn()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "update-without-id.csv", operation: "update");

        AssertRejected(host, run, "missing", "id");
        Assert.Equal("update", run.Summary.GetProperty("operation").GetString());
    }

    [Fact]
    public async Task PostImport_EmptyFile_RejectedSayingTheFileIsEmpty()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();
        var blob = await host.UploadCaseAsync("empty.csv", "create/vehicle/empty.csv");

        var answer = await host.PostImportAsync(blob.Name);
        var id = ((ZuoraJobFlows.Workflow.Api.AcceptedRun)answer.Body!).Id;
        var result = await host.WaitForRunAsync(id);

        Assert.Equal(202, answer.StatusCode);
        var summary = await host.ReadSummaryAsync(result);
        var run = new CaseRun(id, blob, result, summary);
        AssertRejected(host, run, "empty");
        await host.AssertInputUnchangedAsync(blob);
    }

    private static void AssertRejected(EmulatorWorkflowHost host, CaseRun run, params string[] reasonParts)
    {
        Assert.Equal(RunStatus.Rejected, run.Result.Status);
        Assert.Equal("Rejected", run.Status);
        foreach (var part in reasonParts)
        {
            Assert.Contains(part, run.Reason, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(0, host.Emulator.JobsCreated);
        Assert.Empty(host.Requests.All);
        Assert.Empty(run.Summary.GetProperty("jobs").EnumerateArray());
        Assert.Equal(run.Id, run.Summary.GetProperty("runId").GetString());
    }
}
