using System.Globalization;
using System.Text;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Tests.Csv;

public class CsvPreparerSplittingTests
{
    private static byte[] Generate(int records, string lineEnd, char delimiter = ',')
    {
        var random = new Random(42);
        var text = new StringBuilder($"id{delimiter}name{delimiter}note{lineEnd}");
        for (var i = 0; i < records; i++)
        {
            var note = new string('x', random.Next(0, 60));
            var name = i % 7 == 0 ? $"\"multi{lineEnd}line {i}\"" : $"name{i}";
            text.Append(CultureInfo.InvariantCulture, $"{i}{delimiter}{name}{delimiter}{note}{lineEnd}");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [Theory]
    [InlineData("\r\n", 16)]
    [InlineData("\n", 64)]
    [InlineData("\n", 1024 * 1024)]
    public async Task PrepareAsync_ManyRecords_ChunksStayWithinLimitAndRowsFollowOn(string lineEnd, int bufferSize)
    {
        var input = Generate(2000, lineEnd);
        var options = new CsvPrepareOptions { MaxChunkBytes = 1000 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options, bufferSize);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(2000, prepared.Result.Records);
        Assert.True(prepared.Chunks.Count > 10);
        Assert.All(prepared.Chunks, chunk => Assert.True(chunk.Length <= 1000));
        var expectedFirst = 2L;
        foreach (var chunk in prepared.Result.Chunks)
        {
            Assert.Equal(expectedFirst, chunk.FirstRow);
            Assert.Equal(chunk.LastRow - chunk.FirstRow + 1, chunk.Records);
            Assert.Equal(prepared.Chunks[chunk.Index].Length, chunk.Bytes);
            var firstRecord = $"id,name,note{lineEnd}{chunk.FirstRow - 2},";
            Assert.StartsWith(firstRecord, prepared.ChunkText(chunk.Index), StringComparison.Ordinal);
            expectedFirst = chunk.LastRow + 1;
        }

        Assert.Equal(2001, prepared.Result.Chunks[^1].LastRow);
    }

    [Fact]
    public async Task PrepareAsync_RecordLargerThanLimit_RejectsNamingRow()
    {
        var input = Encoding.UTF8.GetBytes("a,b\n1,2\n3," + new string('z', 500) + "\n5,6\n");
        var options = new CsvPrepareOptions { MaxChunkBytes = 100 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options, bufferSize: 32);

        Assert.False(prepared.Result.Accepted);
        Assert.Equal(3, prepared.Result.Rejection!.Row);
        Assert.Contains("Row 3", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("100 bytes", prepared.Result.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_RecordJustFitsWithHeader_Accepted()
    {
        var input = Encoding.UTF8.GetBytes("a,b\n1," + new string('z', 90) + "\n");
        var options = new CsvPrepareOptions { MaxChunkBytes = input.Length };

        var prepared = await CsvTestFiles.PrepareAsync(input, options, bufferSize: 16);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(input, prepared.Chunks[0]);
    }

    [Fact]
    public async Task PrepareAsync_InvalidUtf8AfterFirstChunk_ListsWrittenChunksWithoutGarbledRecord()
    {
        var good = Encoding.UTF8.GetBytes("a,b\n" + string.Concat(Enumerable.Range(0, 50).Select(i => $"{i},ok\n")));
        byte[] input = [.. good, .. "7,Citro"u8, 0xEB, .. "n\n"u8];
        var options = new CsvPrepareOptions { MaxChunkBytes = 100 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options);

        Assert.False(prepared.Result.Accepted);
        Assert.Equal(52, prepared.Result.Rejection!.Row);
        Assert.Equal(52, prepared.Result.Rejection.Line);
        Assert.Equal(2, prepared.Result.Rejection.Column);
        Assert.NotEmpty(prepared.Result.Chunks);
        Assert.Equal(prepared.Chunks.Count, prepared.Result.Chunks.Count);
        Assert.DoesNotContain(prepared.Chunks, chunk => chunk.AsSpan().IndexOf((byte)0xEB) >= 0);
    }

    [Theory]
    [InlineData("a\tb\tc\n1\t2,5\t3\n", '\t', "a,b,c\n1,\"2,5\",3\n")]
    [InlineData("a|b|c\n1|\"x\"\"y\"|3\n", '|', "a,b,c\n1,\"x\"\"y\",3\n")]
    [InlineData("a;b\n\"1;2\";x,y\n", ';', "a,b\n\"1;2\",\"x,y\"\n")]
    [InlineData("a,b;c\n1,2\n", ',', "a,b;c\n1,2\n")]
    public async Task PrepareAsync_OtherDelimiters_DetectedAndReEmittedWithCommas(
        string input, char delimiter, string expected)
    {
        var prepared = await CsvTestFiles.PrepareAsync(Encoding.UTF8.GetBytes(input));

        Assert.Equal(delimiter, prepared.Result.Delimiter);
        Assert.Equal(expected, prepared.ChunkText(0));
    }

    [Theory]
    [InlineData("tab")]
    [InlineData("\t")]
    public async Task PrepareAsync_DelimiterFromMetadata_OverridesDetection(string delimiter)
    {
        var input = Encoding.UTF8.GetBytes("a;b\tc\n1;2\t3\n");

        var prepared = await CsvTestFiles.PrepareAsync(input, new CsvPrepareOptions { Delimiter = delimiter });

        Assert.Equal('\t', prepared.Result.Delimiter);
        Assert.Equal(["a;b", "c"], prepared.Result.Columns);
        Assert.Equal("a;b,c\n1;2,3\n", prepared.ChunkText(0));
    }

    [Fact]
    public async Task PrepareAsync_UnsupportedMetadataDelimiter_Rejects()
    {
        var options = new CsvPrepareOptions { Delimiter = "#" };

        var prepared = await CsvTestFiles.PrepareAsync("a,b\n1,2\n"u8.ToArray(), options);

        Assert.False(prepared.Result.Accepted);
        Assert.Contains("\"#\"", prepared.Result.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_Utf16Bom_RejectsSayingUtf16()
    {
        byte[] input = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("a,b\r\n1,2\r\n")];

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.False(prepared.Result.Accepted);
        Assert.Contains("UTF-16", prepared.Result.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_UnknownAndEmptyColumns_RejectNamingThem()
    {
        var options = new CsvPrepareOptions { KnownColumns = ["a", "b"] };

        var unknown = await CsvTestFiles.PrepareAsync("a,zz\n1,2\n"u8.ToArray(), options);
        var unnamed = await CsvTestFiles.PrepareAsync("a,,b\n1,2,3\n"u8.ToArray(), options);

        Assert.Contains("zz (column 2)", unknown.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("Column 2 of the header has no name", unnamed.Result.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_BlankLinesBetweenRecordsAndCrOnly_NotCounted()
    {
        var input = "a,b\r1,2\r\r\n\n3,4"u8.ToArray();

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(2, prepared.Result.Records);
        Assert.Equal("a,b\r\n1,2\r\n3,4\r\n", prepared.ChunkText(0));
        Assert.Equal(new ChunkInfo(0, 2, 3, 2, 15), prepared.Result.Chunks[0]);
    }
}
