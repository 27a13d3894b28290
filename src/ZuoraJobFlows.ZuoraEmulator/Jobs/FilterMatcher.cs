using ZuoraJobFlows.ZuoraEmulator.State;

namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>Decides whether a record matches every condition: numbers numerically, text ordinally.</summary>
internal static class FilterMatcher
{
    public static bool Matches(StoredRecord record, IReadOnlyList<FilterCondition> conditions) =>
        conditions.All(condition => Matches(record, condition));

    private static bool Matches(StoredRecord record, FilterCondition condition)
    {
        object? actual = condition.Field == "id" ? record.Id : record.Values.GetValueOrDefault(condition.Field);
        if (actual is null)
        {
            return false;
        }

        var comparison = (actual, condition.Value) switch
        {
            (long a, long b) => a.CompareTo(b),
            (long a, decimal b) => ((decimal)a).CompareTo(b),
            (decimal a, long b) => a.CompareTo(b),
            (decimal a, decimal b) => a.CompareTo(b),
            (bool a, bool b) => a == b ? 0 : 1,
            (string a, string b) => string.CompareOrdinal(a, b),
            _ => (int?)null,
        };

        return comparison is { } result && condition.Operator switch
        {
            "EQ" => result == 0,
            "GT" => result > 0,
            "LT" => result < 0,
            "GE" => result >= 0,
            "LE" => result <= 0,
            _ => false,
        };
    }
}
