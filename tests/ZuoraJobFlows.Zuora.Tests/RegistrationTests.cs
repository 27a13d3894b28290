using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ZuoraJobFlows.Zuora.Tests.Support;

namespace ZuoraJobFlows.Zuora.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void AddZuoraClient_ConfigurationSection_BindsSettings()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Zuora:BaseUrl"] = "http://127.0.0.1:7080",
                ["Zuora:ClientId"] = "local-client",
                ["Zuora:ClientSecret"] = "local-secret",
                ["Zuora:EntityIds"] = "e1",
                ["Zuora:MaxGetRetries"] = "2",
                ["Zuora:AttemptTimeout"] = "00:00:05",
            })
            .Build();
        var services = new ServiceCollection().AddLogging();

        services.AddZuoraClient(configuration.GetSection(ZuoraClientOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ZuoraClientOptions>>().Value;
        Assert.Equal(new Uri("http://127.0.0.1:7080"), options.BaseUrl);
        Assert.Equal("e1", options.EntityIds);
        Assert.Equal(2, options.MaxGetRetries);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.NotNull(provider.GetRequiredService<IZuoraClient>());
    }

    [Theory]
    [InlineData(null, "client", "secret", "Zuora:BaseUrl")]
    [InlineData("relative/path", "client", "secret", "Zuora:BaseUrl")]
    [InlineData("ftp://zuora.test", "client", "secret", "Zuora:BaseUrl")]
    [InlineData("https://zuora.test", "", "secret", "Zuora:ClientId")]
    [InlineData("https://zuora.test", "client", null, "Zuora:ClientSecret")]
    public void AddZuoraClient_InvalidSettings_FailsNamingTheSetting(
        string? baseUrl,
        string? clientId,
        string? clientSecret,
        string setting)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddZuoraClient(o =>
        {
            o.BaseUrl = baseUrl is null ? null : new Uri(baseUrl, UriKind.RelativeOrAbsolute);
            o.ClientId = clientId;
            o.ClientSecret = clientSecret;
        });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IZuoraClient>());

        Assert.Contains(setting, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddZuoraClient_InvalidSettings_MessageHoldsNoSecret()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddZuoraClient(o =>
        {
            o.ClientSecret = ZuoraTestHost.ClientSecret;
            o.MaxGetRetries = -1;
        });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IZuoraClient>());

        Assert.Contains("Zuora:MaxGetRetries", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ZuoraTestHost.ClientSecret, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithSecret_HidesIt()
    {
        var options = new ZuoraClientOptions { ClientId = "id", ClientSecret = ZuoraTestHost.ClientSecret };

        var text = options.ToString();

        Assert.DoesNotContain(ZuoraTestHost.ClientSecret, text, StringComparison.Ordinal);
        Assert.Contains("ClientId=id", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddZuoraClient_CalledTwice_RegistersOneClient()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddZuoraClient(o => o.BaseUrl = new Uri("https://zuora.test"));
        services.AddZuoraClient(o =>
        {
            o.ClientId = "id";
            o.ClientSecret = "secret";
        });
        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IZuoraClient));
        Assert.NotNull(provider.GetRequiredService<IZuoraClient>());
    }
}
