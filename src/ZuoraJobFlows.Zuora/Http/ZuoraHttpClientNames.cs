namespace ZuoraJobFlows.Zuora.Http;

/// <summary>The named <see cref="HttpClient"/>s the client uses, each with its own timeouts and pipeline.</summary>
internal static class ZuoraHttpClientNames
{
    /// <summary>JSON calls: GETs retried, each attempt under <see cref="ZuoraClientOptions.AttemptTimeout"/>.</summary>
    public const string Api = "ZuoraJobFlows.Zuora";

    /// <summary>File uploads: no retries, no attempt timeout, <see cref="ZuoraClientOptions.UploadTimeout"/>.</summary>
    public const string Upload = "ZuoraJobFlows.Zuora.Upload";

    /// <summary>OAuth token requests: no retries.</summary>
    public const string Token = "ZuoraJobFlows.Zuora.Token";

    public static IReadOnlyList<string> All { get; } = [Api, Upload, Token];
}
