using System.Text;

namespace ZuoraJobFlows.ZuoraEmulator.Csv;

/// <summary>
/// Reads RFC 4180 records (comma, quoted fields with commas, doubled quotes and line breaks, CRLF or LF) one at a
/// time from a stream of text, holding one record in memory. Hand-written on purpose: the emulator is the other
/// side of the contract and must not share a CSV parser (or its bugs) with the product it checks. It is strict
/// where the product must be careful: nothing is trimmed, a byte-order mark is data, an empty line is a record.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;

    /// <summary>The next record, or null at the end of the input.</summary>
    public CsvRecord? Read()
    {
        if (!EnsureData())
        {
            return null;
        }

        var fields = new List<string>();
        string? problem = null;
        var inQuotes = false;
        var fieldWasQuoted = false;
        _field.Clear();

        while (EnsureData())
        {
            var c = _buffer[_position++];
            if (inQuotes)
            {
                if (c != '"')
                {
                    _field.Append(c);
                }
                else if (Peek() == '"')
                {
                    _position++;
                    _field.Append('"');
                }
                else
                {
                    inQuotes = false;
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    fieldWasQuoted = false;
                    break;
                case '"' when _field.Length == 0 && !fieldWasQuoted:
                    inQuotes = true;
                    fieldWasQuoted = true;
                    break;
                case '\r' or '\n':
                    if (c == '\r' && Peek() == '\n')
                    {
                        _position++;
                    }

                    fields.Add(_field.ToString());
                    return new CsvRecord(fields, problem);
                default:
                    if (c == '"' || fieldWasQuoted)
                    {
                        problem ??= "A quote appears inside an unquoted field or after a closing quote.";
                    }

                    _field.Append(c);
                    break;
            }
        }

        fields.Add(_field.ToString());
        return new CsvRecord(fields, inQuotes ? "A quoted field is not closed before the end of the file." : problem);
    }

    private int Peek() => EnsureData() ? _buffer[_position] : -1;

    private bool EnsureData()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
