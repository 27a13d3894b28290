using ZuoraJobFlows.ZuoraEmulator.Definitions;
using ZuoraJobFlows.ZuoraEmulator.Jobs;

namespace ZuoraJobFlows.ZuoraEmulator.State;

/// <summary>
/// The tenant's data: definitions, records, jobs and idempotency keys. One lock guards all of it; every member
/// except <see cref="Gate"/> must be used while holding that lock. Work that takes time (reading an upload,
/// parsing a file) happens outside the lock and takes it per row.
/// </summary>
internal sealed class EmulatorState
{
    public const string UserId = "2c92c0f9-6d1e-4b7a-9f3e-0e5a1b2c3d4e";

    public Lock Gate { get; } = new();

    public Dictionary<string, ObjectDefinition> Definitions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RecordTable> Tables { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EmulatedJob> Jobs { get; } = new(StringComparer.Ordinal);

    public List<EmulatedJob> JobOrder { get; } = [];

    /// <summary>Keys by scope ("route|key") to the job they produced and a fingerprint of the request.</summary>
    public Dictionary<string, (string JobId, string Fingerprint)> IdempotencyKeys { get; } =
        new(StringComparer.Ordinal);

    public int JobsCreated { get; set; }

    public int MaxActiveJobsSeen { get; set; }

    public int ActiveJobCount() => JobOrder.Count(job => JobStatus.IsActive(job.Status));

    public RecordTable TableFor(string objectName)
    {
        if (!Tables.TryGetValue(objectName, out var table))
        {
            table = new RecordTable();
            Tables[objectName] = table;
        }

        return table;
    }

    public void SetStatus(EmulatedJob job, string status, DateTimeOffset now)
    {
        job.Status = status;
        job.UpdatedDate = now;
        MaxActiveJobsSeen = Math.Max(MaxActiveJobsSeen, ActiveJobCount());
    }
}
