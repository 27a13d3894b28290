using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ZuoraJobFlows.Zuora.Json;

/// <summary>
/// Streams the elements of one array property of a top-level JSON object (e.g. <c>{ "errors": [ ... ] }</c>) as
/// they arrive, holding at most one element and one read buffer in memory.
/// </summary>
internal static class JsonArrayPropertyReader
{
    private const int InitialBufferSize = 16 * 1024;

    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Stream stream,
        string propertyName,
        JsonSerializerOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var parser = new Parser<T>(Encoding.UTF8.GetBytes(propertyName), options);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var items = new List<T>();
        try
        {
            var length = 0;
            var endOfStream = false;
            while (!parser.IsDone)
            {
                if (length == buffer.Length)
                {
                    buffer = Grow(buffer, length);
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                endOfStream = read == 0;
                length += read;

                // Never a final block: the document ends with '}', which needs no look-ahead, and a body cut short
                // must end as "incomplete" (a dropped connection), not as malformed JSON.
                var consumed = parser.Parse(buffer.AsSpan(0, length), items);
                foreach (var item in items)
                {
                    yield return item;
                }

                items.Clear();
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;

                if (endOfStream && !parser.IsDone)
                {
                    throw new EndOfStreamException(
                        $"The response ended before the '{propertyName}' array was complete.");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    private enum Phase
    {
        Start,
        Seeking,
        InArray,
        Done,
    }

    private sealed class Parser<T>(byte[] propertyName, JsonSerializerOptions options)
    {
        private JsonReaderState _state;
        private Phase _phase;

        public bool IsDone => _phase == Phase.Done;

        // Parses every complete token in data; returns how many bytes were committed. A token or element that is
        // cut off by the end of data is left unconsumed and parsed again once more bytes have arrived.
        public int Parse(ReadOnlySpan<byte> data, List<T> items)
        {
            var reader = new Utf8JsonReader(data, isFinalBlock: false, _state);
            var committed = 0;

            while (_phase != Phase.Done && TryStep(ref reader, items))
            {
                committed = (int)reader.BytesConsumed;
                _state = reader.CurrentState;
            }

            return committed;
        }

        private bool TryStep(ref Utf8JsonReader reader, List<T> items)
        {
            if (!reader.Read())
            {
                return false;
            }

            switch (_phase)
            {
                case Phase.Start:
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new JsonException("The response is not a JSON object.");
                    }

                    _phase = Phase.Seeking;
                    return true;

                case Phase.Seeking:
                    return SeekStep(ref reader);

                default:
                    return ElementStep(ref reader, items);
            }
        }

        private bool SeekStep(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                _phase = Phase.Done;
                return true;
            }

            var isTarget = reader.ValueTextEquals(propertyName);
            if (!reader.Read())
            {
                return false;
            }

            if (isTarget && reader.TokenType == JsonTokenType.StartArray)
            {
                _phase = Phase.InArray;
                return true;
            }

            if (isTarget && reader.TokenType == JsonTokenType.Null)
            {
                _phase = Phase.Done;
                return true;
            }

            return reader.TrySkip();
        }

        private bool ElementStep(ref Utf8JsonReader reader, List<T> items)
        {
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                _phase = Phase.Done;
                return true;
            }

            var probe = reader;
            if (!probe.TrySkip())
            {
                return false;
            }

            items.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
            return true;
        }
    }
}
