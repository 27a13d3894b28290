using System.Text;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Tests.Csv;

/// <summary>
/// How rejection reasons read: bounded in length however many columns are wrong, and precise about where a quote
/// opened, whether it closes, and which line is too long.
/// </summary>
public class CsvPreparerReasonTests
{
    private const int MaxReasonLength = 1500;

    private static byte[] Header(IEnumerable<string> names) =>
        Encoding.UTF8.GetBytes(string.Join(',', names) + "\n" + string.Join(',', names.Select(_ => "1")) + "\n");

    [Fact]
    public async Task PrepareAsync_ThousandsOfUnknownColumns_ListsFirstTenAndCountsTheRest()
    {
        var names = Enumerable.Range(1, 3000).Select(i => $"extra{i}__c").Prepend("a");
        var options = new CsvPrepareOptions { KnownColumns = ["a"] };

        var prepared = await CsvTestFiles.PrepareAsync(Header(names), options);

        Assert.False(prepared.Result.Accepted);
        Assert.True(prepared.Result.RejectionReason!.Length < MaxReasonLength, prepared.Result.RejectionReason);
        Assert.Contains("extra1__c (column 2)", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("extra10__c (column 11) ... and 2990 more.", prepared.Result.RejectionReason,
            StringComparison.Ordinal);
        Assert.DoesNotContain("extra11__c", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Equal(2, prepared.Result.Rejection!.Column);
    }

    [Fact]
    public async Task PrepareAsync_UnknownColumnsWithControlCharacters_ReasonShowsThemEscaped()
    {
        var header = Encoding.UTF8.GetBytes("a,\"be\u0007ll\",\"zz\u001b[31mred\",\"two\nlines\"\n1,2,3,4\n");
        var options = new CsvPrepareOptions { KnownColumns = ["a"] };

        var prepared = await CsvTestFiles.PrepareAsync(header, options);

        var reason = prepared.Result.RejectionReason!;
        Assert.DoesNotContain(reason, char.IsControl);
        Assert.Contains("be\\u0007ll (column 2)", reason, StringComparison.Ordinal);
        Assert.Contains("zz\\u001B[31mred (column 3)", reason, StringComparison.Ordinal);
        Assert.Contains("two\\nlines (column 4)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_HugeDelimiterInMetadata_ReasonStaysShort()
    {
        var options = new CsvPrepareOptions { Delimiter = new string('x', 6000) };

        var prepared = await CsvTestFiles.PrepareAsync(Encoding.UTF8.GetBytes("a\n1\n"), options);

        Assert.False(prepared.Result.Accepted);
        Assert.True(prepared.Result.RejectionReason!.Length < 200, prepared.Result.RejectionReason);
    }

    [Fact]
    public async Task PrepareAsync_ManyDuplicatedColumns_ListsFirstTenNamesAndPositions()
    {
        var names = Enumerable.Range(1, 30).Select(i => $"c{i}").ToList();
        var header = names.Concat(names).Concat(Enumerable.Repeat("c1", 3000));

        var prepared = await CsvTestFiles.PrepareAsync(Header(header));

        Assert.False(prepared.Result.Accepted);
        Assert.True(prepared.Result.RejectionReason!.Length < MaxReasonLength, prepared.Result.RejectionReason);
        Assert.Contains("c1 (columns 1, 31, 61, 62, 63, 64, 65, 66, 67, 68 ... and 2992 more)",
            prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("c2 (columns 2 and 32)", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.EndsWith("c10 (columns 10 and 40) ... and 20 more.", prepared.Result.RejectionReason,
            StringComparison.Ordinal);
        Assert.Equal(31, prepared.Result.Rejection!.Column);
    }

    [Fact]
    public async Task PrepareAsync_ThousandsOfUnnamedColumns_ListsFirstTenPositions()
    {
        var names = Enumerable.Repeat("", 3000).Prepend("a");

        var prepared = await CsvTestFiles.PrepareAsync(Header(names));

        Assert.False(prepared.Result.Accepted);
        Assert.StartsWith("Columns 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 ... and 2990 more of the header have no name.",
            prepared.Result.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_ManyMissingColumns_ListsFirstTen()
    {
        var required = Enumerable.Range(1, 25).Select(i => $"need{i}").ToList();
        var options = new CsvPrepareOptions { RequiredColumns = required };

        var prepared = await CsvTestFiles.PrepareAsync("a\n1\n"u8.ToArray(), options);

        Assert.False(prepared.Result.Accepted);
        Assert.Equal(
            "The header is missing required columns: need1, need2, need3, need4, need5, need6, need7, need8, need9, "
            + "need10 ... and 15 more.",
            prepared.Result.RejectionReason);
    }

    [Fact]
    public async Task PrepareAsync_UnknownColumnWithHugeName_ReasonStaysShort()
    {
        var names = new[] { "a", new string('x', 100_000) };
        var options = new CsvPrepareOptions { KnownColumns = ["a"] };

        var prepared = await CsvTestFiles.PrepareAsync(Header(names), options);

        Assert.False(prepared.Result.Accepted);
        Assert.True(prepared.Result.RejectionReason!.Length < MaxReasonLength, prepared.Result.RejectionReason);
        Assert.Contains("(column 2)", prepared.Result.RejectionReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(1024 * 1024)]
    public async Task PrepareAsync_UnterminatedQuoteInRecord_NamesColumnNumberAndHeaderName(int bufferSize)
    {
        var input = "make,model,year\nVolvo,XC40,2024\nSaab,\"9-3\n2003\nOpel,Astra,2001\n"u8.ToArray();

        var prepared = await CsvTestFiles.PrepareAsync(input, bufferSize: bufferSize);

        Assert.False(prepared.Result.Accepted);
        Assert.Equal(
            "Row 3 has a quote opened on line 3, in column 2 (model), that is never closed before the end of the file.",
            prepared.Result.RejectionReason);
        Assert.Equal(new CsvRejection(prepared.Result.RejectionReason!, 3, 3, 2, 37), prepared.Result.Rejection);
    }

    [Fact]
    public async Task PrepareAsync_UnterminatedQuoteInHeader_NamesColumnNumber()
    {
        var input = "make;model;\"year\n1;2;3\n"u8.ToArray();

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.False(prepared.Result.Accepted);
        Assert.StartsWith("The header has a quote opened on line 1, in column 3, that is never closed",
            prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Equal(3, prepared.Result.Rejection!.Column);
    }

    [Fact]
    public async Task PrepareAsync_QuoteClosingPastLimit_SaysRecordTooLongNotUnterminated()
    {
        var longValue = string.Concat(Enumerable.Repeat("a long line of text\n", 30));
        var input = Encoding.UTF8.GetBytes($"a,b\n1,2\n3,\"{longValue}\"\n5,6\n");
        var options = new CsvPrepareOptions { MaxChunkBytes = 100 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options, bufferSize: 32);

        Assert.False(prepared.Result.Accepted);
        Assert.Equal(
            "Row 3 (starting on line 3) is longer than the chunk limit of 100 bytes (header line included), and a "
            + "record cannot be split. A quoted field opened on line 3, in column 2 (b), runs past the limit and "
            + "closes only on line 33, so lines 3 to 33 are one record.",
            prepared.Result.RejectionReason);
        Assert.DoesNotContain("unterminated", prepared.Result.RejectionReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, prepared.Result.Rejection!.Row);
    }

    [Fact]
    public async Task PrepareAsync_QuoteNeverClosingPastLimit_SaysUnterminated()
    {
        var input = Encoding.UTF8.GetBytes("a,b\n1,2\n3,\"" + string.Concat(Enumerable.Repeat("text\n", 100)));
        var options = new CsvPrepareOptions { MaxChunkBytes = 100 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options, bufferSize: 32);

        Assert.False(prepared.Result.Accepted);
        Assert.Equal(
            "Row 3 has a quote opened on line 3, in column 2 (b), that is never closed before the end of the file.",
            prepared.Result.RejectionReason);
    }

    [Fact]
    public async Task PrepareAsync_LongRecordWithoutQuotes_SaysLongerThanLimit()
    {
        var input = Encoding.UTF8.GetBytes("a,b\n1,2\n3," + new string('z', 500) + "\n5,6\n");
        var options = new CsvPrepareOptions { MaxChunkBytes = 100 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options, bufferSize: 32);

        Assert.Equal(
            "Row 3 (starting on line 3) is longer than the chunk limit of 100 bytes (header line included), and a "
            + "record cannot be split.",
            prepared.Result.RejectionReason);
    }

    [Fact]
    public async Task PrepareAsync_RecordFitsAloneButNotWithHeader_SaysLongerThanLimit()
    {
        var input = Encoding.UTF8.GetBytes(new string('h', 60) + "\n" + new string('r', 50) + "\n");
        var options = new CsvPrepareOptions { MaxChunkBytes = 100 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options);

        Assert.StartsWith(
            "Row 2 (starting on line 2) is longer than the chunk limit of 100 bytes (header line included)",
            prepared.Result.RejectionReason,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_HeaderLongerThanLimit_SaysHeaderLineIsTooLong()
    {
        var input = Encoding.UTF8.GetBytes("a," + new string('b', 500) + "\n1,2\n");
        var options = new CsvPrepareOptions { MaxChunkBytes = 100 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options, bufferSize: 32);

        Assert.False(prepared.Result.Accepted);
        Assert.Equal("The header line is longer than the chunk limit of 100 bytes.", prepared.Result.RejectionReason);
        Assert.Equal(1, prepared.Result.Rejection!.Line);
    }

    [Fact]
    public async Task PrepareAsync_HeaderJustOverLimit_SaysHeaderLineIsTooLong()
    {
        var input = Encoding.UTF8.GetBytes("a," + new string('b', 100) + "\n1,2\n");
        var options = new CsvPrepareOptions { MaxChunkBytes = 100 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options);

        Assert.Equal("The header line is longer than the chunk limit of 100 bytes.", prepared.Result.RejectionReason);
        Assert.Empty(prepared.Chunks);
    }

    [Fact]
    public async Task PrepareAsync_HeaderQuoteClosingPastLimit_SaysHeaderTooLongAndWhereQuoteCloses()
    {
        var input = Encoding.UTF8.GetBytes("a,\"" + string.Concat(Enumerable.Repeat("b\n", 100)) + "\"\n1,2\n");
        var options = new CsvPrepareOptions { MaxChunkBytes = 100 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options, bufferSize: 32);

        Assert.Equal(
            "The header line is longer than the chunk limit of 100 bytes. A quoted field opened on line 1, in "
            + "column 2, runs past the limit and closes only on line 101, so lines 1 to 101 form the header.",
            prepared.Result.RejectionReason);
    }
}
