using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using ZuoraJobFlows.Zuora.Http;

namespace ZuoraJobFlows.Zuora.Tests.Support;

/// <summary>The client as DI builds it, with a recording stub in place of the network.</summary>
public sealed class ZuoraTestHost : IDisposable
{
    public const string ClientSecret = "s3cr3t-client-secret-value";

    private readonly ServiceProvider _provider;

    public ZuoraTestHost(Action<ZuoraClientOptions>? configure = null, FakeTimeProvider? time = null)
    {
        Time = time;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging(options => options.CollectRecordsForDisabledLogLevels = false);
        if (time is not null)
        {
            services.AddSingleton<TimeProvider>(time);
        }

        services.AddZuoraClient(options =>
        {
            options.BaseUrl = new Uri("https://zuora.test/");
            options.ClientId = "client-id";
            options.ClientSecret = ClientSecret;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            options.MaxRetryDelay = TimeSpan.FromSeconds(30);
            configure?.Invoke(options);
        });

        foreach (var name in ZuoraHttpClientNames.All)
        {
            services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => Handler);
        }

        _provider = services.BuildServiceProvider();
        Client = _provider.GetRequiredService<IZuoraClient>();
    }

    public RecordingHandler Handler { get; } = new();

    public IZuoraClient Client { get; }

    public FakeTimeProvider? Time { get; }

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public void Dispose() => _provider.Dispose();
}
