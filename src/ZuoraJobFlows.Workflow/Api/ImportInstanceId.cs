using System.Security.Cryptography;
using System.Text;

namespace ZuoraJobFlows.Workflow.Api;

/// <summary>
/// Deterministic instance ids: one blob version (container, name, ETag) always maps to the same run, however often
/// the trigger fires or the start is posted.
/// </summary>
public static class ImportInstanceId
{
    public const string ImportPrefix = "imp-";
    public const string DeletePrefix = "del-";

    /// <summary>
    /// <c>imp-</c> and 32 hex digits of SHA-256; valid as an orchestration id and as a blob path segment.
    /// </summary>
    public static string For(string container, string blobName, string? eTag)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(blobName);

        var text = $"{container}\n{blobName}\n{NormalizeETag(eTag)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return ImportPrefix + Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>
    /// The same ETag arrives quoted from the storage SDK and unquoted from Event Grid; both must give one id.
    /// </summary>
    public static string NormalizeETag(string? eTag)
    {
        var value = (eTag ?? string.Empty).Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Trim('"');
    }

    /// <summary>The ETag as storage sends it in headers (quoted), however it arrived; null stays null.</summary>
    public static string? QuotedETag(string? eTag) =>
        string.IsNullOrWhiteSpace(eTag) ? null : $"\"{NormalizeETag(eTag)}\"";

    /// <summary>Whether <paramref name="id"/> could name a run (no characters that would need escaping).</summary>
    public static bool IsWellFormed(string? id) =>
        !string.IsNullOrEmpty(id)
        && id.Length <= 100
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':');
}
