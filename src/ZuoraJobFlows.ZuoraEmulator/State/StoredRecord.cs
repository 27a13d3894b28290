namespace ZuoraJobFlows.ZuoraEmulator.State;

/// <summary>A custom object record; values are typed (string, long, decimal, bool). Guarded by the state lock.
/// </summary>
internal sealed class StoredRecord
{
    public required string Id { get; init; }

    public required long Sequence { get; init; }

    public required DateTimeOffset CreatedDate { get; init; }

    public DateTimeOffset UpdatedDate { get; set; }

    public Dictionary<string, object> Values { get; } = new(StringComparer.Ordinal);
}
