using Azure;
using Azure.Storage.Blobs.Models;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>
/// Reads pinned to the blob version a run was started for, so a later upload of the same name never mixes in.
/// </summary>
internal static class BlobVersion
{
    public static BlobRequestConditions? Conditions(string? eTag) =>
        string.IsNullOrWhiteSpace(eTag) ? null : new BlobRequestConditions { IfMatch = Quoted(eTag) };

    private static ETag Quoted(string eTag)
    {
        var trimmed = eTag.Trim();
        return trimmed.StartsWith('"') ? new ETag(trimmed) : new ETag($"\"{trimmed}\"");
    }
}
