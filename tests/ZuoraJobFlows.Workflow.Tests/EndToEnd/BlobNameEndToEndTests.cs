using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>Blob names people really use, from the blob event to the results.</summary>
public sealed class BlobNameEndToEndTests
{
    public static TheoryData<string> Names => new()
    {
        "create/vehicle/fleet list 2024.csv",
        "create/vehicle/fleet%20list.csv",
        "create/vehicle/#1 fleet.csv",
        "create/vehicle/[draft] fleet.csv",
        "create/vehicle/Citroën Škoda été.csv",
        "create/vehicle/eu/2024/q1/nested fleet.csv",
        "create/vehicle/a?b&c=d;e+f.csv",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Import_NameWithSpecialCharacters_ProcessedAndReportedUnderItsName(string blobName)
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();
        var blob = await host.UploadAsync(blobName, VehicleCsv.Create(3));

        var id = await host.StartFromEventAsync(blob);
        var result = await host.WaitForRunAsync(id);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(3, host.Emulator.RecordCount("vehicle"));
        var name = blobName["create/vehicle/".Length..];
        Assert.Equal($"create/vehicle/{name}/{id}/summary.json", result.SummaryBlob);
        var summary = await host.ReadSummaryAsync(result);
        Assert.Equal(blobName, summary.GetProperty("input").GetProperty("blobName").GetString());
        Assert.Contains(result.SummaryBlob, await host.ListOutputAsync($"create/vehicle/{name}/"));
        await host.AssertInputUnchangedAsync(blob);
    }
}
