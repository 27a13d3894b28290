using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ZuoraJobFlows.Workflow.Activities;
using ZuoraJobFlows.Workflow.Api;
using ZuoraJobFlows.Workflow.Csv;
using ZuoraJobFlows.Workflow.Hosting;
using ZuoraJobFlows.Workflow.Options;
using ZuoraJobFlows.Workflow.Reports;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the workflow's services for both hosts (Functions app and local runner).</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Imports</c> and <c>Polling</c>, registers the Zuora client (<c>Zuora</c> section), a
    /// <see cref="BlobServiceClient"/> from <c>AzureWebJobsStorage</c>, the activity services and
    /// <see cref="ImportApi"/>. A <see cref="BlobServiceClient"/> registered before this call is kept.
    /// </summary>
    public static IServiceCollection AddZuoraJobFlowsWorkflow(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ImportsOptions>().Bind(configuration.GetSection(ImportsOptions.SectionName));
        services.AddOptions<PollingOptions>().Bind(configuration.GetSection(PollingOptions.SectionName));
        services.AddZuoraClient(configuration.GetSection("Zuora"));
        services.TryAddSingleton(_ => StorageClientFactory.CreateBlobServiceClient(configuration));
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<CsvPreparer>();
        services.TryAddSingleton<ReportWriter>();
        services.TryAddSingleton<PrepareImportActivity>();
        services.TryAddSingleton<SubmitJobActivity>();
        services.TryAddSingleton<UploadChunkActivity>();
        services.TryAddSingleton<GetJobStatusActivity>();
        services.TryAddSingleton<CancelJobActivity>();
        services.TryAddSingleton<WriteReportsActivity>();
        services.TryAddSingleton<WriteSummaryActivity>();
        services.TryAddSingleton<CleanupStagingActivity>();
        services.TryAddSingleton<ImportApi>();
        return services;
    }
}
