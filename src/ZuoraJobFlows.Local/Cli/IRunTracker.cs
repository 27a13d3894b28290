namespace ZuoraJobFlows.Local.Cli;

/// <summary>Reads where one run is: from the durable client, the HTTP API, or the results it leaves.</summary>
internal interface IRunTracker
{
    Task<RunSnapshot> GetAsync(CancellationToken cancellationToken);
}
