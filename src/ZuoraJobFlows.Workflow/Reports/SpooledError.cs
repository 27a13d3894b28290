namespace ZuoraJobFlows.Workflow.Reports;

/// <summary>A spooled error with its arrival order, so sorting by row stays stable across runs.</summary>
internal readonly record struct SpooledError(long Row, long Sequence, string? Code, string? Message)
{
    public static int Compare(SpooledError x, SpooledError y)
    {
        var byRow = x.Row.CompareTo(y.Row);
        return byRow != 0 ? byRow : x.Sequence.CompareTo(y.Sequence);
    }

    public ReportError ToReportError() => new(Row, Code, Message);

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(Row);
        writer.Write(Sequence);
        WriteNullable(writer, Code);
        WriteNullable(writer, Message);
    }

    public static SpooledError ReadFrom(BinaryReader reader)
    {
        var row = reader.ReadInt64();
        var sequence = reader.ReadInt64();
        var code = ReadNullable(reader);
        var message = ReadNullable(reader);
        return new SpooledError(row, sequence, code, message);
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
