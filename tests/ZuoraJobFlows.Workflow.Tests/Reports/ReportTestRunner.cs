using System.Text;
using ZuoraJobFlows.Workflow.Reports;

namespace ZuoraJobFlows.Workflow.Tests.Reports;

internal static class ReportTestRunner
{
    public static async Task<WrittenReports> WriteAsync(
        byte[] original, IEnumerable<ReportError> errors, char? delimiter = null, int bufferSize = 1024 * 1024)
    {
        using var errorsCsv = new MemoryStream();
        using var retryCsv = new MemoryStream();

        var counts = await new ReportWriter(bufferSize).WriteAsync(
            new MemoryStream(original),
            delimiter,
            errors.ToAsyncEnumerable(),
            errorsCsv,
            retryCsv,
            CancellationToken.None);

        return new WrittenReports(counts, Encoding.UTF8.GetString(errorsCsv.ToArray()), retryCsv.ToArray());
    }

    private static async IAsyncEnumerable<ReportError> ToAsyncEnumerable(this IEnumerable<ReportError> errors)
    {
        foreach (var error in errors)
        {
            await Task.Yield();
            yield return error;
        }
    }
}

internal sealed record WrittenReports(ReportCounts Counts, string ErrorsCsv, byte[] RetryCsv)
{
    public string[] ErrorLines => ErrorsCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
}
