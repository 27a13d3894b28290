using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ZuoraJobFlows.Local.Hosting;

/// <summary>
/// One running local runner: the durable engine on Azure Storage (<see cref="DurableSidecar"/>) and an application
/// host with the Durable Task worker and client connected to it, plus whatever the caller adds (API, watcher).
/// </summary>
internal sealed class RunnerHost : IAsyncDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly DurableSidecar _sidecar;
    private readonly IHost _app;
    private readonly GrpcChannel _channel;
    private readonly ILoggerFactory _loggerFactory;
    private bool _stopped;

    private RunnerHost(DurableSidecar sidecar, IHost app, GrpcChannel channel, ILoggerFactory loggerFactory)
    {
        _sidecar = sidecar;
        _app = app;
        _channel = channel;
        _loggerFactory = loggerFactory;
    }

    public IServiceProvider Services => _app.Services;

    public DurableTaskClient Client => _app.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The HTTP address actually bound when the runner serves HTTP (port 0 picks a free port).</summary>
    public Uri? HttpAddress { get; private init; }

    public static async Task<RunnerHost> StartAsync(RunnerHostOptions options, CancellationToken cancellationToken)
    {
        var storage = DurableStorageOptions.From(options.Configuration);
        var loggerFactory = LoggerFactory.Create(logging => ConfigureLogging(logging, options));

        DurableSidecar? sidecar = null;
        GrpcChannel? channel = null;
        try
        {
            sidecar = await DurableSidecar.StartAsync(storage, loggerFactory, cancellationToken).ConfigureAwait(false);
            channel = GrpcChannel.ForAddress(sidecar.Address);

            var app = options.HttpUrl is null ? BuildWorkerHost(options, channel) : BuildWebHost(options, channel);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            return new RunnerHost(sidecar, app, channel, loggerFactory) { HttpAddress = BoundAddress(app) };
        }
        catch
        {
            channel?.Dispose();
            if (sidecar is not null)
            {
                await sidecar.DisposeAsync().ConfigureAwait(false);
            }

            loggerFactory.Dispose();
            throw;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;

        // The engine stops dispatching and lets the worker finish what it holds; then the worker leaves.
        await _sidecar.DrainAsync(DrainTimeout).ConfigureAwait(false);

        await _app.StopAsync(cancellationToken).ConfigureAwait(false);

        await _channel.ShutdownAsync().ConfigureAwait(false);

        await _sidecar.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            _app.Dispose();
            _channel.Dispose();
            await _sidecar.DisposeAsync().ConfigureAwait(false);
            _loggerFactory.Dispose();
        }
    }

    private static IHost BuildWorkerHost(RunnerHostOptions options, GrpcChannel channel)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddConfiguration(options.Configuration);
        ConfigureLogging(builder.Logging, options);
        AddRunnerServices(builder.Services, options, channel);
        return builder.Build();
    }

    private static WebApplication BuildWebHost(RunnerHostOptions options, GrpcChannel channel)
    {
        var url = options.HttpUrl!;
        if (!IPAddress.TryParse(url.Host, out var ip) || !IPAddress.IsLoopback(ip))
        {
            throw new InvalidOperationException("The local runner listens on a loopback address only, e.g. 127.0.0.1.");
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(options.Configuration);
        ConfigureLogging(builder.Logging, options);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(ip, url.Port));
        AddRunnerServices(builder.Services, options, channel);

        var app = builder.Build();
        options.MapRoutes?.Invoke(app);
        return app;
    }

    private static void AddRunnerServices(IServiceCollection services, RunnerHostOptions options, GrpcChannel channel)
    {
        services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        options.ConfigureServices?.Invoke(services, options.Configuration);

        if (options.RunWorker)
        {
            services.AddDurableTaskWorker(worker =>
            {
                worker.AddTasks(options.ConfigureTasks);
                worker.UseGrpc(channel);

                // This sidecar sends no health pings on an idle stream, so the worker's silent-disconnect check
                // would drop a healthy connection every two minutes and then be refused (one worker per sidecar).
                worker.Services.AddOptions<GrpcDurableTaskWorkerOptions>(worker.Name)
                    .Configure(grpc => grpc.SetSilentDisconnectTimeout(TimeSpan.Zero));
            });
        }

        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(channel);
            client.RegisterDirectly();
        });
    }

    private static void ConfigureLogging(ILoggingBuilder logging, RunnerHostOptions options)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(options.MinimumLogLevel);

        // The engine and the HTTP stack are chatty at Information; only their warnings matter to a user.
        logging.AddFilter("DurableTask", LogLevel.Warning);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddFilter("Grpc", LogLevel.Warning);

        if (options.LoggerProvider is not null)
        {
            logging.AddProvider(options.LoggerProvider);
        }
        else
        {
            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            });
        }
    }

    private static Uri? BoundAddress(IHost app) =>
        app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(address => new Uri(address))
            .FirstOrDefault();
}
