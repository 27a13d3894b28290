using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ZuoraJobFlows.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);

builder.ConfigureFunctionsWebApplication();

builder.Services.AddZuoraJobFlowsWorkflow(builder.Configuration);
builder.Services.AddZuoraJobFlowsTelemetry(builder.Configuration);

builder.Build().Run();
