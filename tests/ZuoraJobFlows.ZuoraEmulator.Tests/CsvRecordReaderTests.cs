using ZuoraJobFlows.ZuoraEmulator.Csv;

namespace ZuoraJobFlows.ZuoraEmulator.Tests;

public sealed class CsvRecordReaderTests
{
    private static List<CsvRecord> ReadAll(string text)
    {
        var reader = new CsvRecordReader(new StringReader(text));
        var records = new List<CsvRecord>();
        while (reader.Read() is { } record)
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public void Read_QuotedCommasQuotesAndLineBreaks_OneRecordEach()
    {
        var records = ReadAll("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",z");

        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\r\nlines", "z"], records[2].Fields);
        Assert.All(records, record => Assert.Null(record.Problem));
    }

    [Fact]
    public void Read_UnterminatedQuote_ReportsProblem()
    {
        var records = ReadAll("a,b\n\"open,1\n");

        Assert.NotNull(Assert.Single(records.Skip(1)).Problem);
    }

    [Fact]
    public void Read_BlankLine_IsARecordWithOneEmptyField()
    {
        var records = ReadAll("a,b\n1,2\n\n");

        Assert.Equal([string.Empty], records[2].Fields);
    }

    [Fact]
    public void Read_ByteOrderMark_StaysInFirstField()
    {
        var records = ReadAll("\uFEFFa,b\n");

        Assert.Equal("\uFEFFa", records[0].Fields[0]);
    }
}
