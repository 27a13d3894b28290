namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

internal enum JobWorkKind
{
    /// <summary>Move a new job to pending after the start delay; a delete job then runs.</summary>
    Start,

    /// <summary>Process the uploaded file.</summary>
    File,
}

internal sealed record JobWork(string JobId, JobWorkKind Kind);
