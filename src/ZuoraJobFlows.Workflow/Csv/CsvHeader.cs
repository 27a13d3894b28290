namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>Reads header names; shared by the preparer and the report writer so both see the same columns.</summary>
internal static class CsvHeader
{
    /// <summary>The header's names, read by the records' quote rule and trimmed of surrounding white space.</summary>
    public static List<string> ParseNames(ReadOnlySpan<byte> headerLine, byte delimiter) =>
        CsvFields.Values(headerLine, delimiter).Select(Trim).ToList();

    // A second byte-order mark (files concatenated or saved twice) is as invisible as a space.
    private static string Trim(string name) => name.Trim().Trim('\uFEFF').Trim();
}
