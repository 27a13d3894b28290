using System.Globalization;
using System.Text;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Tests.Csv;

/// <summary>
/// Edges of the batched copy: more records than one batch holds, runs broken by blank lines and changed line
/// ends, records too long for the conversion buffer, and invalid bytes in the middle of a batch.
/// </summary>
public class CsvPreparerBatchTests
{
    [Fact]
    public async Task PrepareAsync_MoreRecordsThanOneBatch_CopiesEveryRecordOnce()
    {
        var text = new StringBuilder("id,name\r\n");
        for (var i = 0; i < 10_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},name{i}\r\n");
        }

        var input = Encoding.UTF8.GetBytes(text.ToString());

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal(10_000, prepared.Result.Records);
        Assert.Equal(input, Assert.Single(prepared.Chunks));
        Assert.Equal(new ChunkInfo(0, 2, 10_001, 10_000, input.Length), prepared.Result.Chunks[0]);
    }

    [Fact]
    public async Task PrepareAsync_MixedLineEndsAndBlankLines_UsesHeaderLineEndEverywhere()
    {
        var input = Encoding.UTF8.GetBytes("a,b\r\n1,2\r\n3,4\n\r\n5,6\r7,8\r\n\r\n9,10");

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal("a,b\r\n1,2\r\n3,4\r\n5,6\r\n7,8\r\n9,10\r\n", prepared.ChunkText(0));
        Assert.Equal(5, prepared.Result.Chunks[0].Records);
    }

    [Fact]
    public async Task PrepareAsync_SemicolonRecordLongerThanConversionBuffer_ConvertedWhole()
    {
        var longValue = new string('z', 200_000) + ",5";
        var input = Encoding.UTF8.GetBytes($"a;b\n1;x,y\n2;{longValue}\n3;\"q;\"\"r\"\"\"\n");

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.True(prepared.Result.Accepted, prepared.Result.RejectionReason);
        Assert.Equal($"a,b\n1,\"x,y\"\n2,\"{longValue}\"\n3,\"q;\"\"r\"\"\"\n", prepared.ChunkText(0));
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    public async Task PrepareAsync_InvalidByteInMiddleOfBatch_WritesRowsBeforeItAndNamesIt(char delimiter)
    {
        var text = new StringBuilder($"a{delimiter}b\n");
        for (var i = 0; i < 100; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i}{delimiter}v\n");
        }

        var input = Encoding.UTF8.GetBytes(text.Append("bad\n").Append("after\n").ToString());
        input[Array.LastIndexOf(input, (byte)'b') + 1] = 0xEB;

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.False(prepared.Result.Accepted);
        Assert.Equal(102, prepared.Result.Rejection!.Row);
        Assert.Equal(102, prepared.Result.Rejection.Line);
        Assert.Equal(101, prepared.Result.Records);
        var chunk = Assert.Single(prepared.Result.Chunks);
        Assert.Equal(101, chunk.LastRow);
        Assert.DoesNotContain("bad", prepared.ChunkText(0), StringComparison.Ordinal);
        Assert.EndsWith("99,v\n", prepared.ChunkText(0), StringComparison.Ordinal);
    }
}
