using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ZuoraJobFlows.Functions.Durable;
using ZuoraJobFlows.Functions.Http;
using ZuoraJobFlows.Functions.Telemetry;
using ZuoraJobFlows.Functions.Triggers;
using ZuoraJobFlows.Workflow.Telemetry;

namespace ZuoraJobFlows.Functions.Tests;

/// <summary>The services Program.cs registers: every function class resolves, and telemetry listens.</summary>
public sealed class AppWiringTests
{
    [Theory]
    [InlineData(typeof(ActivityFunctions))]
    [InlineData(typeof(ImportHttpFunctions))]
    [InlineData(typeof(DeleteHttpFunctions))]
    [InlineData(typeof(ImportBlobTrigger))]
    public void FunctionClass_AppServices_Resolves(Type functionClass)
    {
        using var provider = BuildProvider(new ServiceCollection());

        var instance = ActivatorUtilities.CreateInstance(provider, functionClass);

        Assert.IsType(functionClass, instance);
    }

    [Fact]
    public void Telemetry_WorkflowCounters_AreCollected()
    {
        var metrics = new List<Metric>();
        var services = new ServiceCollection();
        services.AddOpenTelemetry().WithMetrics(builder => builder.AddInMemoryExporter(metrics));
        using var provider = BuildProvider(services);
        var meterProvider = provider.GetRequiredService<MeterProvider>();

        WorkflowTelemetry.RecordJobFinished("vehicle", "create", "completed", 10, 2);
        WorkflowTelemetry.RecordRetry("SubmitJob", "transient");
        meterProvider.ForceFlush();

        var names = metrics.Select(metric => metric.Name).ToHashSet();
        Assert.Contains("zjf.records.processed", names);
        Assert.Contains("zjf.records.failed", names);
        Assert.Contains("zjf.zuora.jobs", names);
        Assert.Contains("zjf.retries", names);
    }

    [Fact]
    public void Telemetry_WorkflowActivitySource_IsTraced()
    {
        var spans = new List<Activity>();
        var services = new ServiceCollection();
        services.AddOpenTelemetry().WithTracing(builder => builder.AddInMemoryExporter(spans));
        using var provider = BuildProvider(services);
        var tracerProvider = provider.GetRequiredService<TracerProvider>();

        using (WorkflowTelemetry.ActivitySource.StartActivity("zuora submit"))
        {
        }

        tracerProvider.ForceFlush();
        Assert.Contains(spans, span => span.DisplayName == "zuora submit");
    }

    private static ServiceProvider BuildProvider(IServiceCollection services)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["Zuora:BaseUrl"] = "http://127.0.0.1:7080",
                ["Zuora:ClientId"] = "local-client",
                ["Zuora:ClientSecret"] = "local-secret",
            })
            .Build();

        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddZuoraJobFlowsWorkflow(configuration);
        services.AddZuoraJobFlowsTelemetry(configuration);
        return services.BuildServiceProvider();
    }
}
