using System.Net;
using System.Net.Http.Headers;
using ZuoraJobFlows.ZuoraEmulator.Tests.TestSupport;

namespace ZuoraJobFlows.ZuoraEmulator.Tests;

public sealed class TokenTests
{
    [Fact]
    public async Task Token_RightCredentials_ReturnsBearerTokenWithLifetime()
    {
        await using var session = await EmulatorSession.StartAsync(o => o.TokenLifetime = TimeSpan.FromMinutes(5));

        using var response = await session.RequestTokenAsync("local-client", "local-secret");

        var body = await EmulatorSession.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body["access_token"]!.GetValue<string>()));
        Assert.Equal("bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(300, body["expires_in"]!.GetValue<long>());
    }

    [Fact]
    public async Task Token_WrongSecret_Returns401WithTopLevelCode()
    {
        await using var session = await EmulatorSession.StartAsync();

        using var response = await session.RequestTokenAsync("local-client", "wrong");

        var body = await EmulatorSession.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ErrorCodes.Unauthenticated, body["code"]!.GetValue<string>());
        Assert.NotNull(body["message"]);
    }

    [Fact]
    public async Task Objects_MissingToken_Returns401()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Http.DefaultRequestHeaders.Authorization = null;

        using var response = await session.Http.GetAsync("objects/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ErrorCodes.Unauthenticated, await EmulatorSession.FirstReasonCodeAsync(response));
    }

    [Fact]
    public async Task Objects_WrongToken_Returns401()
    {
        await using var session = await EmulatorSession.StartAsync();
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "made-up");

        using var response = await session.Http.GetAsync("objects/definitions/default");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Objects_ExpiredToken_Returns401ThenNewTokenWorks()
    {
        await using var session = await EmulatorSession.StartAsync(
            o => o.TokenLifetime = TimeSpan.FromMilliseconds(200));
        var deadline = DateTime.UtcNow.AddSeconds(5);
        HttpStatusCode status;
        do
        {
            using var attempt = await session.Http.GetAsync("objects/jobs");
            status = attempt.StatusCode;
        }
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline);

        session.Server.Options.TokenLifetime = TimeSpan.FromHours(1);
        session.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            await session.TokenAsync());
        using var afterRefresh = await session.Http.GetAsync("objects/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.OK, afterRefresh.StatusCode);
    }
}
