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

        if (IsUrl(blobName))
        {
            return "must be a name inside the input container, not a URL.";
        }

        if (blobName.StartsWith('/'))
        {
            return "must not start with '/': blob names are relative to the input container, "
                + $"e.g. '{blobName.TrimStart('/')}'.";
        }

        if (blobName.Contains('\\', StringComparison.Ordinal))
        {
            return "must use '/' between folders, not '\\'.";
        }

        if (blobName.Split('/').Any(s => s is ".." or "."))
        {
            return "must not contain '.' or '..' segments.";
        }

        if (blobName.EndsWith('/') || blobName.Contains("//", StringComparison.Ordinal))
        {
            return "must not contain an empty folder name ('//' or a trailing '/').";
        }

        var control = IndexOfControl(blobName);
        if (control >= 0)
        {
            return $"must not contain control characters: {Describe(blobName[control])} at character {control + 1}.";
        }

        return null;
    }

    // Only a scheme the caller wrote counts: .NET reads "/a/b.csv" as an implicit file path on Unix.
    private static bool IsUrl(string blobName) =>
        blobName.Contains("://", StringComparison.Ordinal)
        || (Uri.TryCreate(blobName, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" or "file"
            && blobName.StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase));

    private static int IndexOfControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Describe(char control) => control switch
    {
        '\t' => "a tab",
        '\n' => "a line feed",
        '\r' => "a carriage return",
        _ => $"U+{(int)control:X4}",
    };
}
