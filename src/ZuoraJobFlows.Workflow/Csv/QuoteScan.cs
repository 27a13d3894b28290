using System.Buffers;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>
/// Follows an open quoted field through consecutive blocks of input to the quote that closes it, counting lines
/// the way <see cref="CsvRecordScanner.CountLineBreaks"/> does (LF, CRLF and a lone CR are one line break each).
/// </summary>
internal sealed class QuoteScan(long line)
{
    private static readonly SearchValues<byte> s_specials = SearchValues.Create("\"\r\n"u8);

    // A block ended with a quote: it closes the field unless the next block starts with a second one.
    private bool _quotePending;
    private bool _lastWasCr;

    /// <summary>The current line; once <see cref="Closes"/> is true, the line of the closing quote.</summary>
    public long Line { get; private set; } = line;

    /// <summary>True when the field closes in <paramref name="block"/>, the input's next bytes.</summary>
    public bool Closes(ReadOnlySpan<byte> block)
    {
        if (block.IsEmpty)
        {
            return false;
        }

        var i = 0;
        if (_quotePending)
        {
            if (block[0] != (byte)'"')
            {
                return true;
            }

            _quotePending = false;
            i = 1;
        }

        for (var hit = block[i..].IndexOfAny(s_specials); hit >= 0; hit = block[i..].IndexOfAny(s_specials))
        {
            i += hit;
            if (block[i] == (byte)'"')
            {
                if (i + 1 == block.Length)
                {
                    _quotePending = true;
                    _lastWasCr = false;
                    return false;
                }

                if (block[i + 1] != (byte)'"')
                {
                    return true;
                }

                i++;
            }
            else if (block[i] == (byte)'\r' || !(i > 0 ? block[i - 1] == (byte)'\r' : _lastWasCr))
            {
                Line++;
            }

            i++;
        }

        _lastWasCr = block[^1] == (byte)'\r';
        return false;
    }

    /// <summary>At the end of the input: the line of a quote that ended it (so closes the field), or null.</summary>
    public long? Finish() => _quotePending ? Line : null;
}
