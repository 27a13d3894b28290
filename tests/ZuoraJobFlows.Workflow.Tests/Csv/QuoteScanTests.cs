using System.Text;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Tests.Csv;

/// <summary>
/// The scan that follows a quoted field past the chunk limit: it must find the same closing quote and line
/// wherever the input is cut into blocks, including between a doubled quote's two halves and inside CRLF.
/// </summary>
public class QuoteScanTests
{
    [Theory]
    [InlineData("abc\",x", 1L)]
    [InlineData("a\nb\r\nc\rd\",x", 4L)]
    [InlineData("say \"\"hi\"\"\r\n\r\nend\"", 3L)]
    [InlineData("\"\"\"\"\r\n\"", 2L)]
    [InlineData("\r\n\"\"\n\"\r\n", 3L)]
    [InlineData("ends with a quote\r\n\"", 2L)]
    public void Closes_CutAnywhere_FindsSameClosingLine(string text, long expectedLine)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        var lines = Enumerable.Range(0, bytes.Length + 1).Select(cut => ScanInTwo(bytes, cut)).ToList();

        Assert.All(lines, line => Assert.Equal(expectedLine, line));
    }

    [Theory]
    [InlineData("never closes\r\n")]
    [InlineData("only doubled \"\" quotes\n\"\"")]
    [InlineData("")]
    public void Closes_NoClosingQuote_FinishReturnsNull(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        var results = Enumerable.Range(0, bytes.Length + 1).Select(cut => ScanInTwo(bytes, cut)).ToList();

        Assert.All(results, Assert.Null);
    }

    // Starts on line 1 just after an opening quote, feeds the bytes as two blocks, then ends the input.
    private static long? ScanInTwo(byte[] bytes, int cut)
    {
        var scan = new QuoteScan(line: 1);
        if (scan.Closes(bytes.AsSpan(0, cut)) || scan.Closes(bytes.AsSpan(cut)))
        {
            return scan.Line;
        }

        return scan.Finish();
    }
}
