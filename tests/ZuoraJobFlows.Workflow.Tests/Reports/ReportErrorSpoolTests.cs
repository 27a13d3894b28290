using ZuoraJobFlows.Workflow.Reports;

namespace ZuoraJobFlows.Workflow.Tests.Reports;

public class ReportErrorSpoolTests
{
    private static async Task<List<ReportError>> ReadAllAsync(ReportErrorSpool spool)
    {
        var errors = new List<ReportError>();
        await foreach (var error in spool.ReadSortedAsync())
        {
            errors.Add(error);
        }

        return errors;
    }

    [Fact]
    public async Task ReadSortedAsync_TinyRunSize_MergesRunsSortedAndStable()
    {
        var directory = Directory.CreateTempSubdirectory("zjf-spool-test").FullName;
        var random = new Random(7);
        var added = Enumerable.Range(0, 500)
            .Select(i => new ReportError(random.Next(2, 60), $"c{i}", i % 3 == 0 ? null : $"message {i}"))
            .ToList();

        List<ReportError> sorted;
        using (var spool = new ReportErrorSpool(runSize: 7, directory))
        {
            added.ForEach(spool.Add);
            Assert.True(spool.SpilledRuns > 50);
            sorted = await ReadAllAsync(spool);
        }

        Assert.Equal(added.OrderBy(error => error.Row).ToList(), sorted);
        Assert.Empty(Directory.GetFiles(directory));
        Directory.Delete(directory);
    }

    [Fact]
    public async Task ReadSortedAsync_FitsInMemory_SortsWithoutTempFiles()
    {
        using var spool = new ReportErrorSpool(runSize: 100);
        spool.Add(new ReportError(9, "a", "x"));
        spool.Add(new ReportError(2, null, null));

        var sorted = await ReadAllAsync(spool);

        Assert.Equal(0, spool.SpilledRuns);
        Assert.Equal([new ReportError(2, null, null), new ReportError(9, "a", "x")], sorted);
    }
}
