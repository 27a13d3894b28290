using System.Runtime.CompilerServices;

namespace ZuoraJobFlows.Workflow.Reports;

/// <summary>A run of consecutive original rows (header = row 1), both ends included.</summary>
public sealed record RowRange(long FirstRow, long LastRow)
{
    public long Count => LastRow - FirstRow + 1;
}

/// <summary>
/// Rows Zuora never processed because the run stopped first (cancelled, or ended by a failed chunk): they go into
/// the reports beside Zuora's row errors, so retry.csv holds every row still to load, not only the refused ones.
/// </summary>
public static class UnsentRows
{
    public const string Code = "NOT_SENT";

    public const string Message = "Not processed by Zuora: the run stopped before this row's chunk was loaded.";

    /// <summary>
    /// Merges <paramref name="sortedErrors"/> (sorted by row) with one error per row of <paramref name="unsent"/>
    /// (sorted, disjoint), in row order, without holding either in memory.
    /// </summary>
    public static async IAsyncEnumerable<ReportError> MergeAsync(
        IAsyncEnumerable<ReportError> sortedErrors,
        IReadOnlyList<RowRange> unsent,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sortedErrors);
        ArgumentNullException.ThrowIfNull(unsent);

        var range = 0;
        var next = unsent.Count > 0 ? unsent[0].FirstRow : long.MaxValue;

        await foreach (var error in sortedErrors.WithCancellation(cancellationToken))
        {
            while (next < error.Row)
            {
                yield return new ReportError(next, Code, Message);
                (range, next) = Advance(unsent, range, next);
            }

            yield return error;
        }

        while (next != long.MaxValue)
        {
            yield return new ReportError(next, Code, Message);
            (range, next) = Advance(unsent, range, next);
        }
    }

    private static (int Range, long Next) Advance(IReadOnlyList<RowRange> unsent, int range, long row)
    {
        if (row < unsent[range].LastRow)
        {
            return (range, row + 1);
        }

        range++;
        return range < unsent.Count ? (range, unsent[range].FirstRow) : (range, long.MaxValue);
    }
}
