using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ZuoraJobFlows.Local.Hosting;

/// <summary>
/// The durable engine: the Azure Storage backend served over gRPC (h2c on a loopback port) by the public
/// TaskHubGrpcServer, which the Durable Task SDK worker and client connect to as they would to a sidecar.
/// </summary>
internal sealed class DurableSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SidecarCompatibleOrchestrationService _service;
    private bool _stopped;

    private DurableSidecar(WebApplication app, SidecarCompatibleOrchestrationService service, Uri address)
    {
        _app = app;
        _service = service;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<DurableSidecar> StartAsync(
        DurableStorageOptions options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var service = OrchestrationServiceFactory.Create(options, loggerFactory);
        await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        builder.Services.AddGrpc();
        var compatible = new SidecarCompatibleOrchestrationService(service);
        builder.Services.AddSingleton<IOrchestrationService>(compatible);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(compatible);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new DurableSidecar(app, compatible, new Uri(address));
    }

    /// <summary>
    /// Stops handing out work and waits until the work already handed out is finished, while the worker is still
    /// connected to finish it. Work abandoned half-way would stay invisible in its queue for minutes after a restart.
    /// </summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        _app.Lifetime.StopApplication();
        await Task.WhenAny(_service.StopRequested, Task.Delay(timeout)).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);

        // The server stops its dispatchers from a fire-and-forget callback; stopping the backend here as well
        // makes sure the partition leases are released before this returns, so a restart takes over at once.
        await _service.StopAsync(isForced: true).WaitAsync(cancellationToken).ConfigureAwait(false);
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
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
