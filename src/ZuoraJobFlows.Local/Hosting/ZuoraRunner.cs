using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ZuoraJobFlows.Local.Api;
using ZuoraJobFlows.Local.Watching;

namespace ZuoraJobFlows.Local.Hosting;

/// <summary>The ZuoraJobFlows workflow on a <see cref="RunnerHost"/>: the pieces each command wants.</summary>
internal static class ZuoraRunner
{
    /// <summary>Worker and client only: what <c>import</c> needs to run one file in-process.</summary>
    public static RunnerHostOptions Worker(IConfiguration configuration, LogLevel minimumLogLevel) => new()
    {
        Configuration = configuration,
        ConfigureTasks = registry => registry.AddZuoraJobFlowsTasks(),
        ConfigureServices = (services, config) => services.AddZuoraJobFlowsWorkflow(config),
        MinimumLogLevel = minimumLogLevel,
    };

    /// <summary>Client only: reads runs without executing any work (<c>status</c>).</summary>
    public static RunnerHostOptions ClientOnly(IConfiguration configuration) => new()
    {
        Configuration = configuration,
        ConfigureTasks = _ => { },
        ConfigureServices = (services, config) => services.AddZuoraJobFlowsWorkflow(config),
        MinimumLogLevel = LogLevel.Warning,
        RunWorker = false,
    };

    /// <summary>Worker, blob watcher and the HTTP API: <c>serve</c>.</summary>
    public static RunnerHostOptions Serve(
        IConfiguration configuration,
        Uri httpUrl,
        LogLevel minimumLogLevel = LogLevel.Information,
        ILoggerProvider? loggerProvider = null) => new()
    {
        Configuration = configuration,
        ConfigureTasks = registry => registry.AddZuoraJobFlowsTasks(),
        ConfigureServices = (services, config) =>
        {
            services.AddZuoraJobFlowsWorkflow(config);
            services.AddOptions<BlobWatcherOptions>()
                .Bind(config.GetSection(BlobWatcherOptions.SectionName))
                .Configure(options => options.Container = config["Imports:InputContainer"] ?? options.Container);
            services.AddSingleton<IBlobRunStarter, ImportApiRunStarter>();
            services.AddSingleton<BlobWatcherStatus>();
            services.AddHostedService<BlobWatcher>();
        },
        HttpUrl = httpUrl,
        MapRoutes = app => app.MapImportRoutes(),
        MinimumLogLevel = minimumLogLevel,
        LoggerProvider = loggerProvider,
    };
}
