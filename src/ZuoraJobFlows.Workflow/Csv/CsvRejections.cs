using System.Text;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>The reasons the preparer gives, worded for the person who made the file.</summary>
internal static class CsvRejections
{
    public static CsvRejection Empty() => new("The file is empty (0 bytes).", ByteOffset: 0);

    public static CsvRejection NoHeader() =>
        new("The file has no header line: it holds only blank lines or a byte-order mark.", ByteOffset: 0);

    public static CsvRejection HeaderOnly(long line) =>
        new("The file has a header but no records (header only).", Line: line, Row: 1);

    public static CsvRejection Utf16() => new(
        "The file is UTF-16 (it starts with a UTF-16 byte-order mark); UTF-16 is not supported. "
        + "Save it as UTF-8 (for example \"CSV UTF-8\" in a spreadsheet program).",
        Line: 1, Row: 1, ByteOffset: 0);

    public static CsvRejection UnsupportedDelimiter(string value) => new(
        $"The delimiter \"{value}\" from the blob metadata is not supported; "
        + "use \",\", \";\", \"|\" or \"tab\".");

    public static CsvRejection InvalidUtf8(byte value, long line, long row, int column, long offset) => new(
        $"The file is not valid UTF-8 (encoding problem): byte 0x{value:X2} at line {line}, row {row}, "
        + $"column {column} (byte offset {offset}). It was probably saved in a legacy encoding such as "
        + "Windows-1252; save it as UTF-8 (for example \"CSV UTF-8\") and upload it again.",
        line, row, column, offset);

    public static CsvRejection UnterminatedQuote(long row, long quoteLine, long offset) => new(
        $"Row {row} has a quote opened on line {quoteLine} that is never closed before the end of the file.",
        quoteLine, row, ByteOffset: offset);

    public static CsvRejection RecordTooLarge(long row, long line, long maxChunkBytes, bool insideQuote) => new(
        $"Row {row} (starting on line {line}) is too large: with the header it exceeds the chunk limit of "
        + $"{maxChunkBytes} bytes, and a record cannot be split."
        + (insideQuote ? " A quote in it does not close within that limit; check for an unterminated quote." : ""),
        line, row);

    public static CsvRejection EmptyColumnNames(IReadOnlyList<int> positions, long line) => new(
        positions.Count == 1
            ? $"Column {positions[0]} of the header has no name."
            : $"Columns {string.Join(", ", positions)} of the header have no name.",
        line, 1, positions[0]);

    public static CsvRejection DuplicateColumns(IReadOnlyList<string> names, IReadOnlyList<string> columns, long line)
    {
        var text = new StringBuilder("The header has duplicate columns: ");
        var described = names.Select(name => $"{name} (columns {string.Join(" and ", Positions(columns, name))})");
        text.AppendJoin("; ", described);
        text.Append('.');
        return new CsvRejection(text.ToString(), line, 1, Positions(columns, names[0]).Skip(1).First());
    }

    public static CsvRejection MissingColumns(IReadOnlyList<string> names, long line) => new(
        $"The header is missing required column{(names.Count == 1 ? "" : "s")}: {string.Join(", ", names)}"
        + (names.Contains(CsvColumns.Id) ? " (an update file names each record by its id)." : "."),
        line, 1);

    public static CsvRejection UnknownColumns(IReadOnlyList<string> names, IReadOnlyList<string> columns, long line)
    {
        var described = names.Select(name => $"{name} (column {Positions(columns, name).First()})");
        return new CsvRejection(
            $"The header has columns the object's definition does not have: {string.Join(", ", described)}.",
            line, 1, Positions(columns, names[0]).First());
    }

    private static IEnumerable<int> Positions(IReadOnlyList<string> columns, string name) =>
        columns.Select((column, index) => (column, index))
            .Where(pair => pair.column == name)
            .Select(pair => pair.index + 1);
}
