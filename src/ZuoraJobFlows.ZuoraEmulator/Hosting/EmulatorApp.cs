using Microsoft.Extensions.Options;
using ZuoraJobFlows.ZuoraEmulator.Definitions;
using ZuoraJobFlows.ZuoraEmulator.Endpoints;
using ZuoraJobFlows.ZuoraEmulator.Jobs;
using ZuoraJobFlows.ZuoraEmulator.Middleware;
using ZuoraJobFlows.ZuoraEmulator.State;

namespace ZuoraJobFlows.ZuoraEmulator.Hosting;

/// <summary>
/// Builds the emulator's web application; shared by the executable and <see cref="ZuoraEmulatorServer"/>.
/// </summary>
public static class EmulatorApp
{
    /// <summary>The address used when no <c>--urls</c> (or <c>ASPNETCORE_URLS</c>) is given: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7080";

    /// <summary>
    /// Builds the application. <paramref name="defaultUrl"/> applies when the configuration names no URL;
    /// <paramref name="configure"/> runs after the <c>Emulator</c> section is bound. With
    /// <paramref name="ignoreConfiguration"/> no appsettings file, environment variable or argument is read, so an
    /// in-process emulator in someone else's test output folder is not steered by that project's settings.
    /// </summary>
    public static WebApplication Build(
        string[] args,
        string defaultUrl,
        Action<EmulatorOptions>? configure = null,
        bool ignoreConfiguration = false,
        Action<WebApplicationBuilder>? adjust = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (ignoreConfiguration)
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection();
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(defaultUrl);
        }

        // Uploads are checked against the 15 MB rule by the emulator itself, which then answers a clean 400.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);

        // The emulator logs each request itself, with its Zuora-Request-Id; the framework's lines would double it.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var options = new EmulatorOptions();
        builder.Configuration.GetSection(EmulatorOptions.SectionName).Bind(options);
        configure?.Invoke(options);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton<IOptions<EmulatorOptions>>(Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<EmulatorState>();
        services.AddSingleton<TokenStore>();
        services.AddSingleton<RateLimitWindow>();
        services.AddSingleton<JobQueue>();
        services.AddSingleton<JobService>();
        services.AddSingleton<UploadHandler>();
        services.AddSingleton<UploadFolder>();
        services.AddHostedService<JobProcessor>();
        adjust?.Invoke(builder);

        var app = builder.Build();
        LoadDefinitions(app, options);

        app.UseMiddleware<RequestContextMiddleware>();
        app.UseMiddleware<ObjectsGuardMiddleware>();
        app.MapTokenEndpoint();
        app.MapDefinitionEndpoints();
        app.MapRecordEndpoints();
        app.MapJobEndpoints();
        return app;
    }

    private static void LoadDefinitions(WebApplication app, EmulatorOptions options)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EmulatorApp));
        var folder = DefinitionLoader.FindDefinitionsFolder(options.DefinitionsPath,
            app.Environment.ContentRootPath, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        if (folder is null)
        {
            Log.NoDefinitionsFolder(logger);
            return;
        }

        var state = app.Services.GetRequiredService<EmulatorState>();
        var definitions = DefinitionLoader.LoadFolder(folder, TimeProvider.System.GetUtcNow());
        lock (state.Gate)
        {
            foreach (var definition in definitions)
            {
                DefinitionEndpoints.Store(state, definition);
            }
        }

        Log.DefinitionsLoaded(logger, definitions.Count, folder);
    }
}
