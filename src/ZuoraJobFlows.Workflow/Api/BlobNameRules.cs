namespace ZuoraJobFlows.Workflow.Api;

/// <summary>Checks that a blob name stays inside the input container.</summary>
internal static class BlobNameRules
{
    private const int MaxBlobNameLength = 1024;

    /// <summary>
    /// Returns why <paramref name="blobName"/> is refused, or null when it is a usable relative name.
    /// </summary>
    public static string? Problem(string blobName)
    {
        if (string.IsNullOrWhiteSpace(blobName))
        {
            return "is required.";
        }

        if (blobName.Length > MaxBlobNameLength)
        {
            return $"must be at most {MaxBlobNameLength} characters.";
        }

        if (blobName.Contains("://", StringComparison.Ordinal) || Uri.TryCreate(blobName, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" or "file")
        {
            return "must be a name inside the input container, not a URL.";
        }

        if (blobName.Contains('\\', StringComparison.Ordinal))
        {
            return "must use '/' between folders, not '\\'.";
        }

        if (blobName.StartsWith('/'))
        {
            return "must be relative to the input container (no leading '/').";
        }

        if (blobName.Split('/').Any(s => s is ".." or "."))
        {
            return "must not contain '.' or '..' segments.";
        }

        if (blobName.EndsWith('/') || blobName.Contains("//", StringComparison.Ordinal))
        {
            return "must not contain empty folder names.";
        }

        if (blobName.Any(char.IsControl))
        {
            return "must not contain control characters.";
        }

        return null;
    }

    /// <summary>Splits <c>{operation}/{object}/{name}</c>; null when the name has fewer than three parts.</summary>
    public static (string Operation, string Object, string Name)? SplitFolders(string blobName)
    {
        var parts = blobName.Split('/', 3);
        return parts.Length == 3 && parts.All(p => p.Length > 0) ? (parts[0], parts[1], parts[2]) : null;
    }
}
