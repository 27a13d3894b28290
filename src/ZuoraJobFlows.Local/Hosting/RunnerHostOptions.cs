using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ZuoraJobFlows.Local.Hosting;

/// <summary>What one runner process hosts besides the durable engine, worker and client.</summary>
internal sealed class RunnerHostOptions
{
    public required IConfiguration Configuration { get; init; }

    public required Action<DurableTaskRegistry> ConfigureTasks { get; init; }

    public Action<IServiceCollection, IConfiguration>? ConfigureServices { get; init; }

    /// <summary>When set, the runner also serves HTTP on this loopback URL and maps routes with it.</summary>
    public Uri? HttpUrl { get; init; }

    public Action<WebApplication>? MapRoutes { get; init; }

    /// <summary>False for a process that only reads runs: the engine then dispatches no work to it.</summary>
    public bool RunWorker { get; init; } = true;

    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;

    public ILoggerProvider? LoggerProvider { get; init; }
}
