using System.Globalization;
using System.Text;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Workflow.Tests.Infrastructure;

namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>What users do to the input blob: set its delimiter in metadata, replace or delete it mid-run.</summary>
public sealed class InputChangeEndToEndTests
{
    [Fact]
    public async Task StartFromBlob_DelimiterInMetadata_FileIsReadWithIt()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();
        var blob = await host.UploadAsync(
            "create/vehicle/piped.csv",
            VehicleCsv.Create(3),
            new Dictionary<string, string> { ["delimiter"] = "pipe" });

        var result = await host.WaitForRunAsync(await host.StartFromEventAsync(blob));

        // Read with '|', the comma header is one unknown column: proof that the metadata won over detection.
        Assert.Equal(RunStatus.Rejected, result.Status);
        Assert.Contains("make__c,model__c", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, host.Emulator.JobsCreated);
    }

    [Fact]
    public async Task StartFromBlob_UnquotedETagAsInListings_SummaryShowsItQuotedAndTheRunReadsThatVersion()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();
        var blob = await host.UploadAsync("create/vehicle/listed.csv", VehicleCsv.Create(2));

        var answer = await host.Api.StartFromBlobAsync(
            host.Client, blob.Name, blob.ETag.Trim('"'), blob.Content.Length, default);
        var result = await host.WaitForRunAsync(
            ImportInstanceId.For(host.InputContainer, blob.Name, blob.ETag));

        Assert.Equal(202, answer.StatusCode);
        Assert.Equal(RunStatus.Completed, result.Status);
        var summary = await host.ReadSummaryAsync(result);
        Assert.Equal(blob.ETag, summary.GetProperty("input").GetProperty("etag").GetString());
        Assert.StartsWith("\"", blob.ETag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartFromBlob_UnsupportedDelimiterInMetadata_RejectedNamingIt()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();
        var blob = await host.UploadAsync(
            "create/vehicle/odd.csv", VehicleCsv.Create(3), new Dictionary<string, string> { ["delimiter"] = "xx" });

        var result = await host.WaitForRunAsync(await host.StartFromEventAsync(blob));

        Assert.Equal(RunStatus.Rejected, result.Status);
        Assert.Contains("\"xx\" from the blob metadata", result.Reason, StringComparison.Ordinal);
        Assert.Equal(0, host.Emulator.JobsCreated);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_InputReplacedOrDeletedDuringRun_FailedRowsReportedFromStagedCopy(bool delete)
    {
        const int records = 1500;
        const int badYearEvery = 101;
        await using var host = await EmulatorWorkflowHost.StartAsync(
            emulator: o => o.RecordsPerSecond = 1000,
            settings: new Dictionary<string, string?> { ["Imports:MaxChunkBytes"] = "32768" });
        var content = VehicleCsv.Create(records, multilineEvery: 13, badYearEvery: badYearEvery);
        var blob = await host.UploadAsync("create/vehicle/changing.csv", content);

        var id = await host.StartFromEventAsync(blob);
        await Eventually.WaitForAsync(
            () => Task.FromResult(host.Emulator.JobsCreated), jobs => jobs > 0, TimeSpan.FromSeconds(60), "a job");
        if (delete)
        {
            await host.InputBlob(blob.Name).DeleteAsync();
        }
        else
        {
            await host.InputBlob(blob.Name).UploadAsync(new BinaryData("make__c\nother\n"), overwrite: true);
        }

        var result = await host.WaitForRunAsync(id, TimeSpan.FromSeconds(120));

        var bad = Enumerable.Range(0, records).Where(i => i % badYearEvery == badYearEvery - 1).ToList();
        Assert.Equal(RunStatus.CompletedWithErrors, result.Status);
        Assert.Contains("staged copy", result.Reason, StringComparison.Ordinal);
        Assert.Equal(records - bad.Count, host.Emulator.RecordCount("vehicle"));
        var summary = await host.ReadSummaryAsync(result);
        Assert.Equal(bad.Count, summary.GetProperty("failedRecords").GetInt64());
        Assert.Equal(blob.ETag, summary.GetProperty("input").GetProperty("etag").GetString());

        var errors = await host.ReadOutputTextAsync(result.ErrorsBlob!);
        var errorRows = errors.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Where(line => char.IsAsciiDigit(line[0]))
            .Select(line => long.Parse(line[..line.IndexOf(',')], CultureInfo.InvariantCulture));
        Assert.Equal(bad.Select(VehicleCsv.RowOf), errorRows);

        var retry = await host.ReadOutputTextAsync(result.RetryBlob!);
        var expectedRetry = new StringBuilder(VehicleCsv.Header).Append('\n');
        foreach (var index in bad)
        {
            expectedRetry.Append(RecordLine(content, index));
        }

        Assert.Equal(expectedRetry.ToString(), retry);
        Assert.Empty(await host.ListOutputAsync($"_staging/{id}/"));
    }

    // Every record of a VehicleCsv file starts a line with "Make"; a multi-line model continues on the next line.
    private static string RecordLine(byte[] content, int index)
    {
        var text = Encoding.UTF8.GetString(content);
        var at = text.IndexOf("," + VehicleCsv.Vin("V", index) + ",", StringComparison.Ordinal);
        var start = text.LastIndexOf("\nMake", at, StringComparison.Ordinal) + 1;
        var end = text.IndexOf('\n', at) + 1;
        return text[start..end];
    }
}
