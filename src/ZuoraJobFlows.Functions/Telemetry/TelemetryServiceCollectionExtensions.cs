using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ZuoraJobFlows.Workflow.Telemetry;

namespace ZuoraJobFlows.Functions.Telemetry;

/// <summary>OpenTelemetry for the worker: workflow traces and counters, exported to Azure Monitor if set.</summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    // The Durable Task SDK traces orchestrations and activities under this source.
    private const string DurableTaskSourceName = "Microsoft.DurableTask";

    public static IServiceCollection AddZuoraJobFlowsTelemetry(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var openTelemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing
                .AddSource(WorkflowTelemetry.SourceName, DurableTaskSourceName)
                .AddHttpClientInstrumentation(options => options.FilterHttpRequestMessage = IsNotGrpc))
            .WithMetrics(metrics => metrics
                .AddMeter(WorkflowTelemetry.MeterName)
                .AddHttpClientInstrumentation());

        var connectionString = configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var credential = AzureMonitorCredential.FromAuthenticationString(
                configuration[AuthenticationStringSetting]);
            openTelemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
            });
        }

        return services;
    }

    // The worker talks to the Functions host and the Durable Task sidecar over gRPC; those calls are plumbing
    // that would bury the Zuora and storage calls in the traces.
    private static bool IsNotGrpc(HttpRequestMessage request) =>
        request.Content?.Headers.ContentType?.MediaType?.StartsWith("application/grpc", StringComparison.Ordinal)
            != true;
}
