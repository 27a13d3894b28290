using Azure.Identity;
using ZuoraJobFlows.Functions.Telemetry;

namespace ZuoraJobFlows.Functions.Tests;

public sealed class AzureMonitorCredentialTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=Key")]
    public void FromAuthenticationString_NotAad_ReturnsNull(string? authenticationString)
    {
        var credential = AzureMonitorCredential.FromAuthenticationString(authenticationString);

        Assert.Null(credential);
    }

    [Theory]
    [InlineData("Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000001")]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001; Authorization = aad ;")]
    [InlineData("Authorization=AAD")]
    public void FromAuthenticationString_Aad_ReturnsManagedIdentityCredential(string authenticationString)
    {
        var credential = AzureMonitorCredential.FromAuthenticationString(authenticationString);

        Assert.IsType<ManagedIdentityCredential>(credential);
    }
}
