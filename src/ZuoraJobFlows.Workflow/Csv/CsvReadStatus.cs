namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>What <see cref="CsvRecordReader.ReadAsync"/> found.</summary>
internal enum CsvReadStatus
{
    /// <summary>A record; blank lines are skipped, never returned.</summary>
    Record,

    /// <summary>The input is exhausted.</summary>
    End,

    /// <summary>A quote opened in the current record never closes before the end of the input.</summary>
    UnterminatedQuote,

    /// <summary>The current record is longer than the reader's limit.</summary>
    TooLarge,
}
