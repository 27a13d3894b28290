namespace ZuoraJobFlows.Local.Watching;

/// <summary>One version of one blob as listed: a new upload to the same name has a new ETag.</summary>
internal readonly record struct BlobVersion(string Name, string ETag, long Length);
