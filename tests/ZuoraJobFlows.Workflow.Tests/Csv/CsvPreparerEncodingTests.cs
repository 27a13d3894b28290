using System.Globalization;
using System.Text;
using ZuoraJobFlows.Workflow.Csv;

namespace ZuoraJobFlows.Workflow.Tests.Csv;

/// <summary>
/// Bytes that are not UTF-8 text: NUL bytes anywhere, UTF-16 without a byte-order mark, UTF-16 and UTF-32
/// byte-order marks. Each is refused before any chunk holds it, naming where reading stopped.
/// </summary>
public class CsvPreparerEncodingTests
{
    public static TheoryData<string, int, long, long, int> NulPlaces => new()
    {
        // text (\0 marks the NUL), buffer size, line, row, column
        { "make,model\nVolvo,Vol\0vo\n", 1024, 2, 2, 2 },
        { "make,model\nVolvo,Vol\0vo\n", 16, 2, 2, 2 },
        { "make,model\nVolvo,\"Vol\0vo\"\n", 16, 2, 2, 2 },
        { "make,model\nVolvo,\"XC40\nVol\0vo\"\nSaab,9-3\n", 16, 3, 2, 2 },
        { "make;model\nVolvo;\"a;b\";x\nSaab;Vol\0vo\n", 1024, 3, 3, 2 },
        { "ma\0ke,model\nVolvo,XC40\n", 1024, 1, 1, 1 },
        { "make,model\n\0\n", 1024, 2, 2, 1 },
        { "make,model\nVolvo,XC40\0", 16, 2, 2, 2 },
        { "make,model\nVolvo,\"never closed \0\n", 16, 2, 2, 2 },
    };

    [Theory]
    [MemberData(nameof(NulPlaces))]
    public async Task PrepareAsync_NulByte_RejectsNamingLineRowColumnAndOffset(
        string text, int bufferSize, long line, long row, int column)
    {
        var input = Encoding.UTF8.GetBytes(text);
        var offset = Array.IndexOf(input, (byte)0);

        var prepared = await CsvTestFiles.PrepareAsync(input, bufferSize: bufferSize);

        Assert.False(prepared.Result.Accepted);
        Assert.Equal(new CsvRejection(prepared.Result.RejectionReason!, line, row, column, offset),
            prepared.Result.Rejection);
        Assert.Contains("NUL byte", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Contains(
            $"line {line}, row {row}, column {column} (byte offset {offset})",
            prepared.Result.RejectionReason,
            StringComparison.Ordinal);
        Assert.DoesNotContain(prepared.Chunks, chunk => chunk.Contains((byte)0));
    }

    [Fact]
    public async Task PrepareAsync_NulInsideRecordLongerThanLimit_RejectsNamingNul()
    {
        var input = Encoding.UTF8.GetBytes("a,b\n1,x\0" + new string('z', 500) + "\n");
        var options = new CsvPrepareOptions { MaxChunkBytes = 100 };

        var prepared = await CsvTestFiles.PrepareAsync(input, options, bufferSize: 32);

        Assert.False(prepared.Result.Accepted);
        Assert.Contains("NUL byte", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Equal(7, prepared.Result.Rejection!.ByteOffset);
        Assert.Equal(2, prepared.Result.Rejection.Column);
    }

    [Fact]
    public async Task PrepareAsync_Utf16LittleEndianWithoutBom_RejectsSayingUtf16()
    {
        var input = Encoding.Unicode.GetBytes("make__c,model__c\r\nVolvo,XC40\r\n");

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.False(prepared.Result.Accepted);
        Assert.Contains(
            "UTF-16 LE without a byte-order mark", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("save it as UTF-8", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.DoesNotContain("definition", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Equal(new CsvRejection(prepared.Result.RejectionReason!, 1, 1, 1, 1), prepared.Result.Rejection);
        Assert.Equal(0, prepared.Result.Records);
        Assert.Empty(prepared.Chunks);
    }

    [Theory]
    [InlineData("UTF-16 BE", 0)]
    [InlineData("UTF-32 LE", 1)]
    [InlineData("UTF-32 BE", 0)]
    public async Task PrepareAsync_OtherWideTextWithoutBom_RejectsNamingEncoding(string encoding, long offset)
    {
        const string Text = "make__c;model__c;année__c\nVolvo;XC40;2024\n";
        var input = encoding switch
        {
            "UTF-16 BE" => Encoding.BigEndianUnicode.GetBytes(Text),
            "UTF-32 LE" => new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetBytes(Text),
            _ => new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(Text),
        };

        var prepared = await CsvTestFiles.PrepareAsync(input, new CsvPrepareOptions { KnownColumns = ["make__c"] });

        Assert.False(prepared.Result.Accepted);
        Assert.Contains(
            $"{encoding} without a byte-order mark", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Equal(offset, prepared.Result.Rejection!.ByteOffset);
    }

    [Fact]
    public async Task PrepareAsync_NulNotInUtf16Pattern_DoesNotClaimUtf16()
    {
        var input = "make,model\nVolvo,Vol\0vo\n"u8.ToArray();

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.Contains("NUL byte", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.DoesNotContain("UTF-16", prepared.Result.RejectionReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE }, "UTF-16 LE")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "UTF-16 BE")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00 }, "UTF-32 LE")]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF }, "UTF-32 BE")]
    public async Task PrepareAsync_ByteOrderMarkOtherThanUtf8_RejectsNamingEncoding(byte[] bom, string encoding)
    {
        var text = encoding switch
        {
            "UTF-16 LE" => Encoding.Unicode.GetBytes("a,b\r\n1,2\r\n"),
            "UTF-16 BE" => Encoding.BigEndianUnicode.GetBytes("a,b\r\n1,2\r\n"),
            "UTF-32 LE" => new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetBytes("a,b\r\n1,2\r\n"),
            _ => new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes("a,b\r\n1,2\r\n"),
        };

        var prepared = await CsvTestFiles.PrepareAsync([.. bom, .. text]);

        Assert.False(prepared.Result.Accepted);
        Assert.StartsWith($"The file is {encoding} (", prepared.Result.RejectionReason, StringComparison.Ordinal);
        Assert.Contains("save it as UTF-8", prepared.Result.RejectionReason, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(prepared.Chunks);
    }

    [Fact]
    public async Task PrepareAsync_InvalidByteDeepInFile_ReasonSaysReadingStoppedThere()
    {
        var text = new StringBuilder("id,name\n");
        for (var i = 0; i < 5000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},name{i}\n");
        }

        var input = Encoding.UTF8.GetBytes(text.ToString());
        var bad = Encoding.UTF8.GetByteCount("id,name\n" + string.Concat(
            Enumerable.Range(0, 3999).Select(i => $"{i},name{i}\n"))) + "3999,na".Length;
        input[bad] = 0xE9;

        var prepared = await CsvTestFiles.PrepareAsync(input, bufferSize: 4096);

        Assert.False(prepared.Result.Accepted);
        Assert.Equal(4001, prepared.Result.Rejection!.Row);
        Assert.Equal(4000, prepared.Result.Records);
        Assert.Contains(
            "The file was read up to line 4001; reading stopped there, so only the 4000 records up to it are counted.",
            prepared.Result.RejectionReason,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_InvalidByteInHeader_ReasonSaysNoRecordsCounted()
    {
        byte[] input = [.. "ma"u8, 0xE9, .. "ke,model\nVolvo,XC40\n"u8];

        var prepared = await CsvTestFiles.PrepareAsync(input);

        Assert.Equal(0, prepared.Result.Records);
        Assert.Contains(
            "The file was read up to line 1; reading stopped there, so no records are counted.",
            prepared.Result.RejectionReason,
            StringComparison.Ordinal);
    }
}
