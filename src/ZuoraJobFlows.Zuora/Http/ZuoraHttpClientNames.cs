namespace ZuoraJobFlows.Zuora.Http;

/// <summary>
/// The names of the <see cref="HttpClient"/>s the client registers with <see cref="IHttpClientFactory"/>, each
/// with its own timeouts and pipeline. Hosts may configure them further, e.g. add a proxy or a test handler with
/// <c>services.AddHttpClient(ZuoraHttpClientNames.Upload).ConfigurePrimaryHttpMessageHandler(...)</c>.
/// </summary>
public static class ZuoraHttpClientNames
{
    /// <summary>JSON calls: GETs retried, each attempt under <see cref="ZuoraClientOptions.AttemptTimeout"/>.</summary>
    public const string Api = "ZuoraJobFlows.Zuora";

    /// <summary>File uploads: no retries, no attempt timeout, <see cref="ZuoraClientOptions.UploadTimeout"/>.</summary>
    public const string Upload = "ZuoraJobFlows.Zuora.Upload";

    /// <summary>OAuth token requests: no retries, <see cref="ZuoraClientOptions.AttemptTimeout"/>.</summary>
    public const string Token = "ZuoraJobFlows.Zuora.Token";

    /// <summary>All three names.</summary>
    public static IReadOnlyList<string> All { get; } = [Api, Upload, Token];
}
