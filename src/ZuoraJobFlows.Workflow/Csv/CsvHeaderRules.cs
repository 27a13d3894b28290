namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>Checks header names against the options: names present, unique, required and known.</summary>
internal static class CsvHeaderRules
{
    public static CsvRejection? Check(IReadOnlyList<string> columns, CsvPrepareOptions options, long line)
    {
        var empty = columns.Select((name, index) => (name, index))
            .Where(pair => pair.name.Length == 0)
            .Select(pair => pair.index + 1)
            .ToList();
        if (empty.Count > 0)
        {
            return CsvRejections.EmptyColumnNames(empty, line);
        }

        var duplicates = columns.GroupBy(name => name, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToList();
        if (duplicates.Count > 0)
        {
            return CsvRejections.DuplicateColumns(duplicates, columns, line);
        }

        var missing = options.RequiredColumns.Where(name => !columns.Contains(name, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            return CsvRejections.MissingColumns(missing, line);
        }

        if (options.KnownColumns is { } known)
        {
            var knownSet = new HashSet<string>(known, StringComparer.Ordinal);
            var unknown = columns.Where(name => !knownSet.Contains(name)).ToList();
            if (unknown.Count > 0)
            {
                return CsvRejections.UnknownColumns(unknown, columns, line);
            }
        }

        return null;
    }
}
