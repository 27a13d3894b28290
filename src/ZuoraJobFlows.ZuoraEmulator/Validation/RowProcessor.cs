using ZuoraJobFlows.ZuoraEmulator.Csv;
using ZuoraJobFlows.ZuoraEmulator.Definitions;
using ZuoraJobFlows.ZuoraEmulator.Jobs;
using ZuoraJobFlows.ZuoraEmulator.State;

namespace ZuoraJobFlows.ZuoraEmulator.Validation;

/// <summary>
/// Checks the rows of one uploaded file against the object's definition and applies the good ones. One error per
/// refused row: the first problem found (malformed row, unknown column, then the columns in header order, then
/// missing required columns, then the record id for updates, then unique values).
/// </summary>
internal sealed class RowProcessor
{
    public const string IdColumn = "id";

    private readonly ObjectDefinition _definition;
    private readonly bool _isUpdate;
    private readonly IReadOnlyList<string> _header;
    private readonly string? _unknownColumnsMessage;
    private readonly IReadOnlyList<string> _missingRequired;
    private readonly Dictionary<string, HashSet<string>> _seenInFile = new(StringComparer.Ordinal);

    private RowProcessor(ObjectDefinition definition, bool isUpdate, IReadOnlyList<string> header)
    {
        _definition = definition;
        _isUpdate = isUpdate;
        _header = header;

        var unknown = header.Where(column => !definition.Fields.ContainsKey(column)
            && !(isUpdate && column == IdColumn)).ToList();
        _unknownColumnsMessage = unknown.Count == 0
            ? null
            : $"Unknown field(s) for object '{definition.Name}': {string.Join(", ", unknown.Select(Describe))}.";
        _missingRequired = isUpdate ? [] : [.. definition.Required.Where(field => !header.Contains(field))];
    }

    /// <summary>Checks the header; answers a job-level failure (code, message) or the processor.</summary>
    public static (RowProcessor? Processor, string? Code, string? Message) ForHeader(
        ObjectDefinition definition, string operation, CsvRecord? header)
    {
        if (header is null)
        {
            return (null, ErrorCodes.JobFileMalformed, "The file is empty: it has no header.");
        }

        var duplicate = header.Fields.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (header.Problem is not null || duplicate is not null)
        {
            return (null, ErrorCodes.JobFileMalformed, header.Problem ?? $"The header repeats '{duplicate!.Key}'.");
        }

        var isUpdate = operation == "update";
        if (isUpdate && !header.Fields.Contains(IdColumn, StringComparer.Ordinal))
        {
            return (null, ErrorCodes.JobFileMissingId, "An update file needs an 'id' column.");
        }

        return (new RowProcessor(definition, isUpdate, header.Fields), null, null);
    }

    /// <summary>Validates one record and, when it is good, stores it. Call under the state lock.</summary>
    public RowError? Process(CsvRecord record, long row, RecordTable table, bool keepRecords, DateTimeOffset now)
    {
        var problem = Convert(record, out var values, out var id);
        StoredRecord? existing = null;
        if (problem is null && _isUpdate && keepRecords)
        {
            existing = table.Find(id!);
            if (existing is null)
            {
                problem = new RowProblem(ErrorCodes.RowRecordNotFound,
                    $"No '{_definition.Name}' record has id '{id}'.");
            }
        }

        problem ??= CheckUnique(values, id, table, keepRecords);
        if (problem is not null)
        {
            return new RowError(problem.Code, problem.Message, row, Describe(record));
        }

        if (!keepRecords)
        {
            Remember(values);
            return null;
        }

        if (existing is not null)
        {
            table.Replace(existing, values, _definition.Unique);
            existing.UpdatedDate = now;
            return null;
        }

        var stored = new StoredRecord
        {
            Id = Guid.NewGuid().ToString(),
            Sequence = table.NextSequence(),
            CreatedDate = now,
            UpdatedDate = now,
        };
        foreach (var (field, value) in values)
        {
            if (value is not null)
            {
                stored.Values[field] = value;
            }
        }

        table.Add(stored, _definition.Unique);
        return null;
    }

    private RowProblem? Convert(CsvRecord record, out Dictionary<string, object?> values, out string? id)
    {
        values = new Dictionary<string, object?>(StringComparer.Ordinal);
        id = null;
        if (record.Problem is not null || record.Fields.Count != _header.Count)
        {
            return new RowProblem(ErrorCodes.RowMalformed, record.Problem
                ?? $"The row has {record.Fields.Count} field(s); the header has {_header.Count}.");
        }

        if (_unknownColumnsMessage is not null)
        {
            return new RowProblem(ErrorCodes.RowUnknownField, _unknownColumnsMessage);
        }

        for (var index = 0; index < _header.Count; index++)
        {
            var column = _header[index];
            var raw = record.Fields[index];
            if (column == IdColumn && _isUpdate)
            {
                id = raw;
                continue;
            }

            var field = _definition.Fields[column];
            if (raw.Length == 0)
            {
                if (_definition.Required.Contains(column))
                {
                    return new RowProblem(ErrorCodes.RowRequiredMissing, $"The required field '{column}' is empty.");
                }

                values[column] = null;
                continue;
            }

            if (!ValueConverter.TryConvert(field, raw, out var value, out var problem))
            {
                return problem;
            }

            values[column] = value;
        }

        if (_missingRequired.Count > 0)
        {
            return new RowProblem(ErrorCodes.RowRequiredMissing,
                $"The required field(s) {string.Join(", ", _missingRequired)} are missing.");
        }

        return _isUpdate && string.IsNullOrEmpty(id)
            ? new RowProblem(ErrorCodes.RowRequiredMissing, "The 'id' of the record to update is empty.")
            : null;
    }

    private RowProblem? CheckUnique(Dictionary<string, object?> values, string? id, RecordTable table, bool kept)
    {
        foreach (var field in _definition.Unique)
        {
            if (!values.TryGetValue(field, out var value) || value is null)
            {
                continue;
            }

            var owner = kept ? table.FindUniqueOwner(field, value) : null;
            var duplicate = kept
                ? owner is not null && owner != id
                : _seenInFile.TryGetValue(field, out var seen) && seen.Contains(RecordTable.Canonical(value));
            if (duplicate)
            {
                return new RowProblem(ErrorCodes.RowDuplicateValue,
                    $"The value of the unique field '{field}' is already used by another record.");
            }
        }

        return null;
    }

    private void Remember(Dictionary<string, object?> values)
    {
        foreach (var field in _definition.Unique)
        {
            if (values.TryGetValue(field, out var value) && value is not null)
            {
                if (!_seenInFile.TryGetValue(field, out var seen))
                {
                    seen = new HashSet<string>(StringComparer.Ordinal);
                    _seenInFile[field] = seen;
                }

                seen.Add(RecordTable.Canonical(value));
            }
        }
    }

    private List<KeyValuePair<string, string>> Describe(CsvRecord record) =>
        [.. _header.Zip(record.Fields, (column, value) => new KeyValuePair<string, string>(column, value))];

    private static string Describe(string column) =>
        column.Contains('\uFEFF', StringComparison.Ordinal)
            ? $"'{column.Replace("\uFEFF", "\\uFEFF", StringComparison.Ordinal)}' (starts with a byte-order mark)"
            : $"'{column}'";
}
