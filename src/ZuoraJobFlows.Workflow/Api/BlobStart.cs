namespace ZuoraJobFlows.Workflow.Api;

/// <summary>
/// One start of one blob version: the choices its run gets, what the request itself gave (null for a blob event,
/// which gives nothing) and the delimiter the blob's metadata names.
/// </summary>
internal sealed record BlobStart(
    string BlobName,
    string? ETag,
    ImportChoices Choices,
    ImportChoices? Given,
    string? MetadataDelimiter);
