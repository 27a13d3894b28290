namespace ZuoraJobFlows.Local.Watching;

/// <summary>Settings of the <c>Watcher</c> section.</summary>
internal sealed class BlobWatcherOptions
{
    public const string SectionName = "Watcher";

    /// <summary>Time between two listings of the input container.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The container watched; filled from <c>Imports:InputContainer</c>.</summary>
    public string Container { get; set; } = "zuora-imports";
}
