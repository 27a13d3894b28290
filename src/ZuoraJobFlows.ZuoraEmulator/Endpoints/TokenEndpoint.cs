using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ZuoraJobFlows.ZuoraEmulator.State;

namespace ZuoraJobFlows.ZuoraEmulator.Endpoints;

/// <summary><c>POST /oauth/token</c> with client credentials; errors in the top-level code/message shape.</summary>
internal static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/oauth/token", async (HttpRequest request, EmulatorOptions options, TokenStore tokens,
            CancellationToken cancellationToken) =>
        {
            if (!request.HasFormContentType)
            {
                return Error(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest,
                    "The token request must be application/x-www-form-urlencoded.");
            }

            var form = await request.ReadFormAsync(cancellationToken);
            if (form["grant_type"] != "client_credentials")
            {
                return Error(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest,
                    "grant_type must be client_credentials.");
            }

            if (!SameText(form["client_id"], options.ClientId)
                || !SameText(form["client_secret"], options.ClientSecret))
            {
                return Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
                    "Invalid client credentials.");
            }

            var lifetime = options.TokenLifetime;
            var token = tokens.Issue(lifetime);
            var body = new JsonObject
            {
                ["access_token"] = token,
                ["token_type"] = "bearer",
                ["expires_in"] = (long)Math.Max(1, Math.Ceiling(lifetime.TotalSeconds)),
                ["scope"] = "entity.emulator platform.write service.usage.write tenant.emulator user.emulator",
                ["jti"] = Guid.NewGuid().ToString("N"),
            };
            return Results.Content(body.ToJsonString(), "application/json; charset=utf-8");
        });

    private static bool SameText(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static IResult Error(int statusCode, string code, string message) => Results.Content(
        new JsonObject { ["code"] = code, ["message"] = message }.ToJsonString(),
        "application/json; charset=utf-8", null, statusCode);
}
