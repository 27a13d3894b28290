namespace ZuoraJobFlows.Workflow.Api;

/// <summary>
/// What an HTTP route answers; the host writes <see cref="Body"/> as JSON with <see cref="ImportApi.JsonOptions"/>
/// and sets the <c>Location</c> header when given.
/// </summary>
public sealed record ApiResult(int StatusCode, object? Body, string? Location = null);
