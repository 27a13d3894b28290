namespace ZuoraJobFlows.Local.Watching;

/// <summary>Starts the run for one version of an input blob; must be idempotent for the same name and ETag.</summary>
internal interface IBlobRunStarter
{
    /// <returns>False when the start should be tried again at the next scan.</returns>
    Task<bool> StartAsync(string blobName, string eTag, long length, CancellationToken cancellationToken);
}
