using ZuoraJobFlows.Workflow.Reports;

namespace ZuoraJobFlows.Workflow.Tests.Reports;

public sealed class UnsentRowsTests
{
    [Fact]
    public async Task MergeAsync_ErrorsAndRanges_AllRowsInRowOrder()
    {
        ReportError[] errors = [new(3, "E1", "bad"), new(3, "E2", "worse"), new(10, "E3", "bad")];
        RowRange[] unsent = [new(5, 6), new(12, 13)];

        var merged = await UnsentRows.MergeAsync(errors.ToAsyncEnumerable(), unsent).ToListAsync();

        Assert.Equal([3L, 3, 5, 6, 10, 12, 13], merged.Select(e => e.Row));
        Assert.Equal(["E1", "E2", UnsentRows.Code, UnsentRows.Code, "E3", UnsentRows.Code, UnsentRows.Code],
            merged.Select(e => e.Code));
    }

    [Fact]
    public async Task MergeAsync_RangesBeforeAndAfterAllErrors_NoneLost()
    {
        ReportError[] errors = [new(7, "E1", "bad")];
        RowRange[] unsent = [new(2, 3), new(8, 8)];

        var merged = await UnsentRows.MergeAsync(errors.ToAsyncEnumerable(), unsent).ToListAsync();

        Assert.Equal([2L, 3, 7, 8], merged.Select(e => e.Row));
    }

    [Fact]
    public async Task MergeAsync_NoRanges_ErrorsUnchanged()
    {
        ReportError[] errors = [new(2, "E1", "bad"), new(9, "E2", "bad")];

        var merged = await UnsentRows.MergeAsync(errors.ToAsyncEnumerable(), []).ToListAsync();

        Assert.Equal(errors, merged);
    }

    [Fact]
    public async Task MergeAsync_OnlyRanges_OneErrorPerRow()
    {
        var merged = await UnsentRows.MergeAsync(AsyncEnumerable.Empty<ReportError>(), [new(2, 4)]).ToListAsync();

        Assert.Equal([2L, 3, 4], merged.Select(e => e.Row));
        Assert.All(merged, e => Assert.Equal(UnsentRows.Message, e.Message));
    }
}
