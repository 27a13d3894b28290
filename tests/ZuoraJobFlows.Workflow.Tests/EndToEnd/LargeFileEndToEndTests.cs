using System.Text;
using ZuoraJobFlows.Workflow.Results;

namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>A file far over the chunk limit: split at record boundaries, one job per chunk, rows of the original.
/// </summary>
public sealed class LargeFileEndToEndTests
{
    private const int ChunkLimit = 64 * 1024;

    [Fact]
    public async Task Import_FileOverChunkLimit_OneJobPerChunkWithOriginalRowNumbers()
    {
        const int records = 16_000;
        const int multilineEvery = 37;
        const int badYearEvery = 997;
        await using var host = await EmulatorWorkflowHost.StartAsync(
            settings: new Dictionary<string, string?> { ["Imports:MaxChunkBytes"] = "65536" });
        host.Requests.CaptureUploads = true;
        var content = VehicleCsv.Create(records, multilineEvery: multilineEvery, badYearEvery: badYearEvery);
        var blob = await host.UploadAsync("create/vehicle/big/fleet.csv", content);

        var id = await host.StartFromEventAsync(blob);
        var result = await host.WaitForRunAsync(id, TimeSpan.FromSeconds(120));

        Assert.True(content.Length > 13 * ChunkLimit, $"The file has {content.Length} bytes.");
        Assert.Equal(RunStatus.CompletedWithErrors, result.Status);
        var summary = await host.ReadSummaryAsync(result);
        var jobs = summary.GetProperty("jobs").EnumerateArray().ToList();
        Assert.True(jobs.Count >= 14, $"{jobs.Count} chunks");
        Assert.Equal(jobs.Count, host.Emulator.JobsCreated);
        Assert.Equal(jobs.Count, jobs.Select(j => j.GetProperty("id").GetString()).Distinct().Count());
        Assert.InRange(host.Emulator.MaxActiveJobsSeen, 1, 5);

        var next = 2L;
        foreach (var job in jobs)
        {
            Assert.Equal(next, job.GetProperty("firstRow").GetInt64());
            next = job.GetProperty("lastRow").GetInt64() + 1;
            Assert.Equal("completed", job.GetProperty("status").GetString());
        }

        Assert.Equal(VehicleCsv.RowOf(records - 1), next - 1);

        var uploads = host.Requests.Uploads;
        Assert.Equal(jobs.Count, uploads.Count);
        var header = Encoding.UTF8.GetBytes(VehicleCsv.Header + "\n");
        Assert.All(uploads, u => Assert.True(u.Length <= ChunkLimit, $"A chunk of {u.Length} bytes"));
        Assert.All(uploads, u => Assert.Equal(header, u[..header.Length]));
        var bodies = uploads.OrderBy(FirstVin, StringComparer.Ordinal).SelectMany(u => u[header.Length..]);
        Assert.Equal(content[header.Length..], bodies.ToArray());

        var bad = Enumerable.Range(0, records).Where(i => i % badYearEvery == badYearEvery - 1).ToList();
        Assert.Equal(records - bad.Count, host.Emulator.RecordCount("vehicle"));
        var multiline = host.Emulator.Records("vehicle").Count(r => r["model__c"].ToString()!.Contains('\n'));
        var expectedMultiline = Enumerable.Range(0, records)
            .Count(i => i % multilineEvery == multilineEvery - 1 && !bad.Contains(i));
        Assert.Equal(expectedMultiline, multiline);

        var errors = await host.ReadOutputTextAsync(result.ErrorsBlob!);
        var errorRows = ErrorRows(errors);
        Assert.Equal(bad.Select(VehicleCsv.RowOf), errorRows);
        Assert.Equal(bad.Count, summary.GetProperty("failedRecords").GetInt64());
        Assert.Empty(await host.ListOutputAsync($"_staging/{id}/"));
        await host.AssertInputUnchangedAsync(blob);
    }

    private static string FirstVin(byte[] chunk)
    {
        var text = Encoding.UTF8.GetString(chunk);
        var firstRecord = text[(text.IndexOf('\n') + 1)..];
        var vinStart = firstRecord.IndexOf(",V", StringComparison.Ordinal) + 1;
        return firstRecord.Substring(vinStart, 17);
    }

    private static List<long> ErrorRows(string errorsCsv) =>
        [.. errorsCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Where(line => char.IsAsciiDigit(line[0]))
            .Select(line => long.Parse(line[..line.IndexOf(',')], System.Globalization.CultureInfo.InvariantCulture))];
}
