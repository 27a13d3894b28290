using System.Text;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>The reasons the preparer gives, worded for the person who made the file.</summary>
/// <remarks>
/// A reason lands in summary.json, the run status and the log, so it stays short whatever the file holds: lists
/// of columns show their first <see cref="ListedItems"/> entries and a count of the rest, and names are cut.
/// </remarks>
internal static class CsvRejections
{
    private const int ListedItems = 10;
    private const int ShownNameLength = 64;

    private const string SaveAsUtf8 = "save it as UTF-8 (for example \"CSV UTF-8\" in a spreadsheet program)";

    public static CsvRejection Empty() => new("The file is empty (0 bytes).", ByteOffset: 0);

    public static CsvRejection NoHeader() =>
        new("The file has no header line: it holds only blank lines or a byte-order mark.", ByteOffset: 0);

    public static CsvRejection HeaderOnly(long line) =>
        new("The file has a header but no records (header only).", Line: line, Row: 1);

    /// <summary>For a UTF-16 or UTF-32 byte-order mark; null for none or UTF-8.</summary>
    public static CsvRejection? ByteOrderMark(CsvByteOrderMark mark)
    {
        var (encoding, family) = mark switch
        {
            CsvByteOrderMark.Utf16LittleEndian => ("UTF-16 LE", "UTF-16"),
            CsvByteOrderMark.Utf16BigEndian => ("UTF-16 BE", "UTF-16"),
            CsvByteOrderMark.Utf32LittleEndian => ("UTF-32 LE", "UTF-32"),
            CsvByteOrderMark.Utf32BigEndian => ("UTF-32 BE", "UTF-32"),
            _ => (null, null),
        };

        return encoding is null
            ? null
            : new CsvRejection(
                $"The file is {encoding} (it starts with a {family} byte-order mark); {family} is not supported: "
                + $"{SaveAsUtf8} and upload it again.",
                Line: 1, Row: 1, ByteOffset: 0);
    }

    public static CsvRejection UnsupportedDelimiter(string value) => new(
        $"The delimiter \"{Shorten(value)}\" from the blob metadata is not supported; "
        + "use \",\", \";\", \"|\" or \"tab\".");

    public static CsvRejection InvalidUtf8(byte value, long line, long row, int column, long offset) => new(
        $"The file is not valid UTF-8 (encoding problem): byte 0x{value:X2} at line {line}, row {row}, "
        + $"column {column} (byte offset {offset}). It was probably saved in a legacy encoding such as "
        + $"Windows-1252; {SaveAsUtf8} and upload it again. " + ReadingStopped(line, row),
        line, row, column, offset);

    /// <param name="wideEncoding">What the header's zero bytes suggest (see <see cref="WideTextPattern"/>).</param>
    public static CsvRejection NulByte(long line, long row, int column, long offset, string? wideEncoding)
    {
        var where = $"The file holds a NUL byte (0x00) at line {line}, row {row}, column {column} "
            + $"(byte offset {offset}); CSV text cannot contain NUL bytes. ";
        var advice = wideEncoding is null
            ? "The file may not be a text file, or part of it was saved in another encoding; remove the NUL bytes "
                + $"or export it again and {SaveAsUtf8}. "
            : $"The file looks like {wideEncoding} without a byte-order mark, which is not supported; "
                + $"{SaveAsUtf8} and upload it again. ";
        return new CsvRejection(where + advice + ReadingStopped(line, row), line, row, column, offset);
    }

    /// <param name="name">The column's header name when the quote is in a record and the column has one.</param>
    public static CsvRejection UnterminatedQuote(long row, long quoteLine, int column, string? name, long offset)
    {
        var opened = $"a quote opened on line {quoteLine}, in column {Column(column, name)}, that is never closed "
            + "before the end of the file.";
        return new CsvRejection(
            row == 1 ? "The header has " + opened : $"Row {row} has " + opened,
            quoteLine, row, column, offset);
    }

    /// <param name="quote">The quoted field still open at the limit, if any.</param>
    public static CsvRejection RecordTooLarge(
        long row, long line, long maxChunkBytes, long offset, QuotePastLimit? quote)
    {
        var text = $"Row {row} (starting on line {line}) is longer than the chunk limit of {maxChunkBytes} bytes "
            + "(header line included), and a record cannot be split.";
        if (quote is not null)
        {
            text += Describe(quote, line) + " are one record.";
        }

        return new CsvRejection(text, line, row, quote?.Column, offset);
    }

    public static CsvRejection HeaderTooLarge(long line, long maxChunkBytes, long offset, QuotePastLimit? quote)
    {
        var text = $"The header line is longer than the chunk limit of {maxChunkBytes} bytes.";
        if (quote is not null)
        {
            text += Describe(quote, line) + " form the header.";
        }

        return new CsvRejection(text, line, 1, quote?.Column, offset);
    }

    public static CsvRejection EmptyColumnNames(IReadOnlyList<int> positions, long line) => new(
        positions.Count == 1
            ? $"Column {positions[0]} of the header has no name."
            : $"Columns {FirstOf(positions.Select(Number).ToList())} of the header have no name.",
        line, 1, positions[0]);

    public static CsvRejection DuplicateColumns(IReadOnlyList<string> names, IReadOnlyList<string> columns, long line)
    {
        var described = names.Take(ListedItems)
            .Select(name => $"{Shorten(name)} (columns {JoinPositions(PositionsOf(columns, name))})");
        var text = new StringBuilder("The header has duplicate columns: ");
        text.AppendJoin("; ", described);
        text.Append(More(names.Count)).Append('.');
        return new CsvRejection(text.ToString(), line, 1, PositionsOf(columns, names[0])[1]);
    }

    public static CsvRejection MissingColumns(IReadOnlyList<string> names, long line) => new(
        $"The header is missing required column{(names.Count == 1 ? "" : "s")}: {FirstOf(names)}"
        + (names.Contains(CsvColumns.Id) ? " (an update file names each record by its id)." : "."),
        line, 1);

    public static CsvRejection UnknownColumns(IReadOnlyList<string> names, IReadOnlyList<string> columns, long line)
    {
        var described = names.Take(ListedItems)
            .Select(name => $"{Shorten(name)} (column {PositionsOf(columns, name)[0]})");
        return new CsvRejection(
            $"The header has columns the object's definition does not have: {string.Join(", ", described)}"
            + More(names.Count) + ".",
            line, 1, PositionsOf(columns, names[0])[0]);
    }

    private static string Describe(QuotePastLimit quote, long line) =>
        $" A quoted field opened on line {quote.OpenLine}, in column {Column(quote.Column, quote.Name)}, runs past "
        + $"the limit and closes only on line {quote.CloseLine}, so lines {line} to {quote.CloseLine}";

    // Encoding problems stop the reading, so the record count in the summary covers only the part before them.
    private static string ReadingStopped(long line, long row)
    {
        var records = Math.Max(0, row - 1);
        var counted = records switch
        {
            0 => "no records are counted",
            1 => "only the first record is counted",
            _ => $"only the {records} records up to it are counted",
        };
        return $"The file was read up to line {line}; reading stopped there, so {counted}.";
    }

    private static string Column(int column, string? name) =>
        string.IsNullOrEmpty(name) ? $"{column}" : $"{column} ({Shorten(name)})";

    private static string JoinPositions(List<int> positions) =>
        positions.Count == 2 ? $"{positions[0]} and {positions[1]}" : FirstOf(positions.Select(Number).ToList());

    private static string FirstOf(IReadOnlyList<string> items) =>
        string.Join(", ", items.Take(ListedItems)) + More(items.Count);

    private static string More(int count) => count > ListedItems ? $" ... and {count - ListedItems} more" : "";

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Text from the file or its metadata, as a reason shows it: control characters written as escapes, so a
    // header cannot ring a terminal's bell or change its colours where the reason is printed or logged, and cut
    // to a readable length.
    private static string Shorten(string text)
    {
        var name = text.Any(char.IsControl) ? Escaped(text) : text;
        if (name.Length <= ShownNameLength)
        {
            return name;
        }

        var cut = char.IsHighSurrogate(name[ShownNameLength - 1]) ? ShownNameLength - 1 : ShownNameLength;
        return name[..cut] + "...";
    }

    private static string Escaped(string text) =>
        string.Concat(text.Select(c => c switch
        {
            '\t' => "\\t",
            '\n' => "\\n",
            '\r' => "\\r",
            _ when char.IsControl(c) => $"\\u{(int)c:X4}",
            _ => c.ToString(),
        }));

    private static List<int> PositionsOf(IReadOnlyList<string> columns, string name) =>
        columns.Select((column, index) => (column, index))
            .Where(pair => pair.column == name)
            .Select(pair => pair.index + 1)
            .ToList();
}
