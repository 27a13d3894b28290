using ZuoraJobFlows.Workflow.Tests.EndToEnd;

namespace ZuoraJobFlows.Workflow.Tests.Faults;

public sealed class TmpDiagTests
{
    [Fact]
    public Task Diag_ServerErrors_Timeline() => RunAsync(o => o.FaultRate = 0.3, "server");

    [Fact]
    public Task Diag_Drop_Timeline() => RunAsync(o => o.DropUploadRate = 0.5, "drop");

    private static async Task RunAsync(Action<ZuoraJobFlows.ZuoraEmulator.EmulatorOptions> emulator, string name)
    {
        await using var host = await EmulatorWorkflowHost.StartAsync(emulator,
            new Dictionary<string, string?> { ["Imports:MaxChunkBytes"] = "2048" });
        var started = DateTimeOffset.UtcNow;
        var reason = "?";
        try
        {
            var (result, _) = await ZuoraFaultTests.ImportAsync(host);
            reason = $"{result.Status} {result.Reason}";
        }
        finally
        {
            var lines = host.Requests.All.Select(r =>
                $"{(r.At - started).TotalMilliseconds,8:F0} {r.Method} {r.Path} {r.Status} {r.RetryAfter}").ToList();
            lines.Add(reason);
            await File.AppendAllLinesAsync($"/tmp/upload-faults-{name}.txt", lines.Append("-----"));
        }
    }
}
