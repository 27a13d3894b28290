namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// The outcome of one pass of <see cref="CsvPreparer"/>: either accepted with its chunks, or rejected with a
/// reason. <see cref="Chunks"/> lists every chunk written, also on rejection, so the caller can delete them.
/// </summary>
public sealed record CsvPreparation
{
    /// <summary>True when the file can go to Zuora as <see cref="Chunks"/>.</summary>
    public bool Accepted => Rejection is null;

    /// <summary>Why the file was refused; null when accepted.</summary>
    public CsvRejection? Rejection { get; init; }

    /// <summary>The reason text, or null when accepted.</summary>
    public string? RejectionReason => Rejection?.Reason;

    /// <summary>Header names, trimmed, in file order (empty when the header could not be read).</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The input's delimiter (chunks are always comma-delimited).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>True when the input started with a UTF-8 byte-order mark (not copied into chunks).</summary>
    public bool HadBom { get; init; }

    /// <summary>Bytes read from the input.</summary>
    public long TotalBytes { get; init; }

    /// <summary>Records (not lines) found; blank lines are not records.</summary>
    public long Records { get; init; }

    /// <summary>Chunks written, in order.</summary>
    public IReadOnlyList<ChunkInfo> Chunks { get; init; } = [];
}

/// <summary>
/// Why a file was refused, and where: <see cref="Line"/> is the 1-based physical line, <see cref="Row"/> the
/// record row as Zuora counts it (header = 1), <see cref="Column"/> the 1-based column position,
/// <see cref="ByteOffset"/> the 0-based offset in the file.
/// </summary>
public sealed record CsvRejection(
    string Reason,
    long? Line = null,
    long? Row = null,
    int? Column = null,
    long? ByteOffset = null);

/// <summary>
/// One chunk: its 0-based index, the original rows it holds (header = row 1, so the first record is row 2),
/// its record count and its size in bytes as uploaded.
/// </summary>
public sealed record ChunkInfo(int Index, long FirstRow, long LastRow, long Records, long Bytes)
{
    /// <summary>Maps a row number Zuora reported for this chunk (header = 1) to the original file's row.</summary>
    public long ToOriginalRow(long chunkRow) => FirstRow + (chunkRow - 2);
}
