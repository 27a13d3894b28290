using Microsoft.Extensions.Options;
using ZuoraJobFlows.Zuora;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Checks the <c>Zuora</c> settings once, with messages that name the setting and never its value.</summary>
internal sealed class ZuoraClientOptionsValidator : IValidateOptions<ZuoraClientOptions>
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    public ValidateOptionsResult Validate(string? name, ZuoraClientOptions options)
    {
        var failures = new List<string>();
        const string section = ZuoraClientOptions.SectionName;

        if (options.BaseUrl is not { IsAbsoluteUri: true } url
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{section}:BaseUrl is required and must be an absolute http or https address, "
                + "e.g. https://rest.apisandbox.zuora.com.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{section}:ClientId is required (the OAuth client id).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{section}:ClientSecret is required (the OAuth client secret).");
        }

        CheckTimeout(failures, nameof(options.AttemptTimeout), options.AttemptTimeout);
        CheckTimeout(failures, nameof(options.TotalTimeout), options.TotalTimeout);
        CheckTimeout(failures, nameof(options.UploadTimeout), options.UploadTimeout);

        if (options.MaxGetRetries is < 0 or > 100)
        {
            failures.Add($"{section}:MaxGetRetries must be between 0 and 100.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"{section}:RetryBaseDelay must not be negative nor longer than MaxRetryDelay.");
        }

        if (options.TokenRefreshMargin < TimeSpan.Zero)
        {
            failures.Add($"{section}:TokenRefreshMargin must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckTimeout(List<string> failures, string setting, TimeSpan value)
    {
        if (value < MinTimeout || value > MaxTimeout)
        {
            failures.Add($"{ZuoraClientOptions.SectionName}:{setting} must be between 10 ms and 24 hours.");
        }
    }
}
