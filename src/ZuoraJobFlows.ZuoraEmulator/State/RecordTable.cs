using System.Globalization;

namespace ZuoraJobFlows.ZuoraEmulator.State;

/// <summary>The records of one object in insertion order, with an index per unique field. Not thread-safe.</summary>
internal sealed class RecordTable
{
    private readonly List<StoredRecord> _records = [];
    private readonly Dictionary<string, StoredRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _uniqueIndex = new(StringComparer.Ordinal);
    private long _nextSequence;

    public int Count => _records.Count;

    public IReadOnlyList<StoredRecord> Records => _records;

    public StoredRecord? Find(string id) => _byId.GetValueOrDefault(id);

    public long NextSequence() => ++_nextSequence;

    /// <summary>The id of the record holding <paramref name="value"/> in a unique field, if any.</summary>
    public string? FindUniqueOwner(string field, object value) =>
        _uniqueIndex.TryGetValue(field, out var index) ? index.GetValueOrDefault(Canonical(value)) : null;

    public void Add(StoredRecord record, IReadOnlySet<string> uniqueFields)
    {
        _records.Add(record);
        _byId[record.Id] = record;
        Index(record, uniqueFields);
    }

    public void Replace(StoredRecord record, IReadOnlyDictionary<string, object?> changes, IReadOnlySet<string> unique)
    {
        Unindex(record, unique);
        foreach (var (field, value) in changes)
        {
            if (value is null)
            {
                record.Values.Remove(field);
            }
            else
            {
                record.Values[field] = value;
            }
        }

        Index(record, unique);
    }

    public int RemoveWhere(Func<StoredRecord, bool> predicate, IReadOnlySet<string> uniqueFields)
    {
        var removed = 0;
        foreach (var record in _records.Where(predicate).ToList())
        {
            Unindex(record, uniqueFields);
            _byId.Remove(record.Id);
            removed++;
        }

        _records.RemoveAll(record => !_byId.ContainsKey(record.Id));
        return removed;
    }

    /// <summary>Index of the first record after the one with <paramref name="sequence"/>.</summary>
    public int IndexAfter(long sequence)
    {
        int low = 0, high = _records.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_records[middle].Sequence <= sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    public static string Canonical(object value) => value switch
    {
        decimal number => number.ToString("G29", CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private void Index(StoredRecord record, IReadOnlySet<string> uniqueFields)
    {
        foreach (var field in uniqueFields)
        {
            if (record.Values.TryGetValue(field, out var value))
            {
                if (!_uniqueIndex.TryGetValue(field, out var index))
                {
                    index = new Dictionary<string, string>(StringComparer.Ordinal);
                    _uniqueIndex[field] = index;
                }

                index[Canonical(value)] = record.Id;
            }
        }
    }

    private void Unindex(StoredRecord record, IReadOnlySet<string> uniqueFields)
    {
        foreach (var field in uniqueFields)
        {
            if (record.Values.TryGetValue(field, out var value) && _uniqueIndex.TryGetValue(field, out var index))
            {
                index.Remove(Canonical(value));
            }
        }
    }
}
