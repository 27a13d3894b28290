using Microsoft.DurableTask.Client;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>How triggers and users really start runs: twice, again later, before the file is written.</summary>
public sealed class SituationEndToEndTests
{
    [Fact]
    public async Task StartFromBlob_SameEventTwice_OneRunOneJob()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();
        var blob = await host.UploadAsync("create/vehicle/twice.csv", VehicleCsv.Create(3));

        var ids = await Task.WhenAll(host.StartFromEventAsync(blob), host.StartFromEventAsync(blob));
        var result = await host.WaitForRunAsync(ids[0]);
        var again = await host.StartFromEventAsync(blob);

        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(ids[0], again);
        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(1, host.Emulator.JobsCreated);
        Assert.Equal(3, host.Emulator.RecordCount("vehicle"));
    }

    [Fact]
    public async Task PostImport_SameStartTwiceQuickly_SecondAnswersWithTheExistingRun()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();
        var blob = await host.UploadAsync("create/vehicle/posted.csv", VehicleCsv.Create(3));

        var answers = await Task.WhenAll(host.PostImportAsync(blob.Name), host.PostImportAsync(blob.Name));
        var id = ImportInstanceId.For(host.InputContainer, blob.Name, blob.ETag);
        var result = await host.WaitForRunAsync(id);
        var late = await host.PostImportAsync(blob.Name);

        Assert.All(answers, a => Assert.Equal(StatusUri(id), a.Location));
        Assert.Contains(answers, a => a.StatusCode == 202);
        Assert.Equal(200, late.StatusCode);
        Assert.Equal(StatusUri(id), late.Location);
        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(1, host.Emulator.JobsCreated);
        var instances = await host.Client.GetAllInstancesAsync(new OrchestrationQuery
        {
            InstanceIdPrefix = ImportInstanceId.ImportPrefix,
        }).ToListAsync();
        Assert.Single(instances, i => i.Name == WorkflowNames.ImportCsvOrchestrator);
    }

    [Fact]
    public async Task StartFromBlob_SameBytesUploadedAgain_NewRunAndEarlierResultsKept()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();
        var content = VehicleCsv.Create(2);
        var first = await host.UploadAsync("create/vehicle/again.csv", content);
        var firstResult = await host.WaitForRunAsync(await host.StartFromEventAsync(first));

        var second = await host.UploadAsync("create/vehicle/again.csv", content);
        var secondId = await host.StartFromEventAsync(second);
        var secondResult = await host.WaitForRunAsync(secondId);

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.NotEqual(firstResult.SummaryBlob, secondResult.SummaryBlob);
        Assert.Equal(2, host.Emulator.JobsCreated);
        Assert.NotNull(await host.ReadOutputBytesAsync(firstResult.SummaryBlob));
        Assert.NotNull(await host.ReadOutputBytesAsync(secondResult.SummaryBlob));
        Assert.Equal(RunStatus.Completed, firstResult.Status);

        // The same VINs again: Zuora refuses them as duplicates, and the second run says so.
        Assert.Equal(RunStatus.CompletedWithErrors, secondResult.Status);
        Assert.Equal(2, host.Emulator.RecordCount("vehicle"));
    }

    [Fact]
    public async Task StartFromBlob_ZeroBytesThenFilled_OnlyTheFilledVersionRuns()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();
        var empty = await host.UploadAsync("create/vehicle/growing.csv", []);

        var skipped = await host.Api.StartFromBlobAsync(host.Client, empty.Name, empty.ETag, 0, default);
        var filled = await host.UploadAsync("create/vehicle/growing.csv", VehicleCsv.Create(2));
        var result = await host.WaitForRunAsync(await host.StartFromEventAsync(filled));

        Assert.Equal(200, skipped.StatusCode);
        Assert.True(((SkippedStart)skipped.Body!).Skipped);
        var emptyId = ImportInstanceId.For(host.InputContainer, empty.Name, empty.ETag);
        Assert.Null(await host.Client.GetInstanceAsync(emptyId));
        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(1, host.Emulator.JobsCreated);
    }

    private static string StatusUri(string id) => ImportApi.StatusUri(id);
}
