using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZuoraJobFlows.Zuora;
using ZuoraJobFlows.Zuora.Http;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="IZuoraClient"/>.</summary>
public static class ZuoraServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IZuoraClient"/> with its settings bound from <paramref name="configuration"/>
    /// (usually the <c>Zuora</c> section) and validated on first use.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>Zuora</c> configuration section.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddZuoraClient(
        this IServiceCollection services,
        IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ZuoraClientOptions>().Bind(configuration);
        return AddCore(services);
    }

    /// <summary>Registers <see cref="IZuoraClient"/> with settings given in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddZuoraClient(
        this IServiceCollection services,
        Action<ZuoraClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ZuoraClientOptions>().Configure(configure);
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.AddOptions<ZuoraClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<ZuoraClientOptions>, ZuoraClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ZuoraTokenProvider>();
        services.TryAddSingleton<ZuoraRequestSender>();
        services.TryAddSingleton<IZuoraClient, ZuoraClient>();

        // A second AddZuoraClient call only adds configuration; the HTTP clients are registered once.
        if (services.Any(d => d.ServiceType == typeof(ZuoraHttpClientsRegistered)))
        {
            return services;
        }

        services.AddSingleton<ZuoraHttpClientsRegistered>();

        // The factory's own request logging is removed: at Trace level its structured state carries raw header
        // values (the bearer token) even though its message redacts them. The client logs each call itself.
        services.AddHttpClient(ZuoraHttpClientNames.Api, (provider, client) => Configure(provider, client, null))
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddResilienceHandler("zuora", (builder, context) =>
            {
                var provider = context.ServiceProvider;
                ZuoraResiliencePipeline.Configure(
                    builder,
                    provider.GetRequiredService<IOptions<ZuoraClientOptions>>().Value,
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ZuoraResiliencePipeline)));
            });

        services.AddHttpClient(
                ZuoraHttpClientNames.Upload,
                (provider, client) => Configure(provider, client, options => options.UploadTimeout))
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler);

        services.AddHttpClient(
                ZuoraHttpClientNames.Token,
                (provider, client) => Configure(provider, client, options => options.AttemptTimeout))
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler);

        return services;
    }

    private static void Configure(
        IServiceProvider provider,
        HttpClient client,
        Func<ZuoraClientOptions, TimeSpan>? timeout)
    {
        var options = provider.GetRequiredService<IOptions<ZuoraClientOptions>>().Value;
        var baseUrl = options.BaseUrl!.AbsoluteUri;
        client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

        // The JSON client's timeouts live in its resilience pipeline.
        client.Timeout = timeout?.Invoke(options) ?? Timeout.InfiniteTimeSpan;
    }

    private static SocketsHttpHandler CreatePrimaryHandler() =>
        new()
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

    private sealed class ZuoraHttpClientsRegistered;
}
