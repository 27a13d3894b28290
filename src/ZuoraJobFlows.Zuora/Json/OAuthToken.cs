using System.Text.Json.Serialization;

namespace ZuoraJobFlows.Zuora.Json;

/// <summary>The answer of <c>POST /oauth/token</c>.</summary>
internal sealed record OAuthToken(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn);
