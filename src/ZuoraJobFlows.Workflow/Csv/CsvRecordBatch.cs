namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// Records found in one pass over the reader's buffer: where each starts, how long it is and on which line.
/// </summary>
/// <remarks>
/// Lets the preparer validate, measure and copy many records per buffer with plain loops instead of one
/// asynchronous read per record. The positions index <see cref="Buffer"/> and stay valid until the next read.
/// </remarks>
internal sealed class CsvRecordBatch(int capacity = 4096)
{
    private readonly int[] _starts = new int[capacity];
    private readonly int[] _contentLengths = new int[capacity];
    private readonly byte[] _terminatorLengths = new byte[capacity];
    private readonly long[] _lines = new long[capacity];
    private readonly bool[] _canonical = new bool[capacity];

    public int Capacity => _starts.Length;

    public int Count { get; private set; }

    /// <summary>The buffer the positions refer to.</summary>
    public byte[] Buffer { get; private set; } = [];

    /// <summary>File offset of <see cref="Buffer"/>[0].</summary>
    public long BufferOffset { get; private set; }

    /// <summary>Row of the first record (header = row 1).</summary>
    public long FirstRow { get; private set; }

    public int Start(int index) => _starts[index];

    public int ContentLength(int index) => _contentLengths[index];

    public int TerminatorLength(int index) => _terminatorLengths[index];

    /// <summary>End of the record, line ending included.</summary>
    public int End(int index) => _starts[index] + _contentLengths[index] + _terminatorLengths[index];

    public long Line(int index) => _lines[index];

    public long Row(int index) => FirstRow + index;

    /// <summary>
    /// False when the record has a quote inside an unquoted field or text after a closing quote: values a strict
    /// RFC 4180 reader refuses, so such a record is re-emitted in canonical form instead of copied.
    /// </summary>
    public bool IsCanonical(int index) => _canonical[index];

    public ReadOnlySpan<byte> Content(int index) => Buffer.AsSpan(_starts[index], _contentLengths[index]);

    public ReadOnlySpan<byte> Terminator(int index) =>
        Buffer.AsSpan(_starts[index] + _contentLengths[index], _terminatorLengths[index]);

    public void Reset(byte[] buffer, long bufferOffset, long firstRow)
    {
        Buffer = buffer;
        BufferOffset = bufferOffset;
        FirstRow = firstRow;
        Count = 0;
    }

    public void Add(int start, int contentLength, int terminatorLength, long line, bool canonical)
    {
        _canonical[Count] = canonical;
        _starts[Count] = start;
        _contentLengths[Count] = contentLength;
        _terminatorLengths[Count] = (byte)terminatorLength;
        _lines[Count] = line;
        Count++;
    }

    /// <summary>Drops the records from <paramref name="count"/> on (used when a later record is invalid).</summary>
    public void Truncate(int count) => Count = count;
}
