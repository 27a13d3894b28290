namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>The byte-order mark an input starts with.</summary>
internal enum CsvByteOrderMark
{
    None,
    Utf8,
    Utf16LittleEndian,
    Utf16BigEndian,
    Utf32LittleEndian,
    Utf32BigEndian,
}
