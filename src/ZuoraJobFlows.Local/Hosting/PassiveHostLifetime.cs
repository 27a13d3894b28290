using Microsoft.Extensions.Hosting;

namespace ZuoraJobFlows.Local.Hosting;

/// <summary>
/// A host lifetime that leaves Ctrl+C and SIGTERM to the command: the runner's two hosts must stop in order
/// (worker, then engine), which the default console lifetime of each host would not respect.
/// </summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
