using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Csv;

/// <summary>What <see cref="CsvPreparer"/> checks and how it splits.</summary>
public sealed record CsvPrepareOptions
{
    /// <summary>Zuora's upload limit: 15 MB per file.</summary>
    public const long DefaultMaxChunkBytes = 15L * 1024 * 1024;

    /// <summary>Largest chunk, in bytes as uploaded, header line included.</summary>
    public long MaxChunkBytes { get; init; } = DefaultMaxChunkBytes;

    /// <summary>Columns the header must have (for example <c>id</c> for <c>update</c>).</summary>
    public IReadOnlyCollection<string> RequiredColumns { get; init; } = [];

    /// <summary>Columns the header may have; <c>null</c> skips the check.</summary>
    public IReadOnlyCollection<string>? KnownColumns { get; init; }

    /// <summary>
    /// Delimiter chosen by the user (blob metadata <c>delimiter</c>): <c>,</c>, <c>;</c>, <c>|</c>, a tab or
    /// <c>tab</c>, or the names <c>comma</c>, <c>semicolon</c>, <c>pipe</c>; <c>null</c> detects it from the header.
    /// </summary>
    public string? Delimiter { get; init; }

    /// <summary>
    /// Options for a Zuora operation on a custom object: <c>update</c> requires <c>id</c>; the known columns
    /// are the definition's properties plus <c>id</c> (or unchecked when <paramref name="definition"/> is null).
    /// </summary>
    public static CsvPrepareOptions For(
        BulkJobOperation operation,
        CustomObjectDefinition? definition,
        long maxChunkBytes = DefaultMaxChunkBytes,
        string? delimiter = null)
    {
        string[]? known = definition is null ? null : [.. definition.Properties.Keys, CsvColumns.Id];

        return new CsvPrepareOptions
        {
            MaxChunkBytes = maxChunkBytes,
            RequiredColumns = operation == BulkJobOperation.Update ? [CsvColumns.Id] : [],
            KnownColumns = known,
            Delimiter = delimiter,
        };
    }
}
