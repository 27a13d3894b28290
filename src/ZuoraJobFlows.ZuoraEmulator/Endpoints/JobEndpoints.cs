using System.Text.Json;
using System.Text.Json.Nodes;
using ZuoraJobFlows.ZuoraEmulator.Jobs;

namespace ZuoraJobFlows.ZuoraEmulator.Endpoints;

/// <summary>The five published bulk job calls plus cancel.</summary>
internal static class JobEndpoints
{
    public static void MapJobEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/objects/jobs", async (HttpRequest request, JobService jobs,
            CancellationToken cancellationToken) =>
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException exception)
            {
                var message = "The body is not JSON: " + exception.Message;
                return ApiAnswer.BadRequest(ErrorCodes.JobMalformedRequest, message).ToResult();
            }

            return jobs.Submit(body, IdempotencyKey(request)).ToResult();
        });

        app.MapGet("/objects/jobs", (string? pageSize, string? cursor, string? status, JobService jobs) =>
            jobs.List(pageSize, cursor, status).ToResult());

        app.MapGet("/objects/jobs/{id}", (string id, JobService jobs) => jobs.Get(id).ToResult());

        app.MapPatch("/objects/jobs/{id}/cancel", (string id, HttpRequest request, JobService jobs) =>
            jobs.Cancel(id, IdempotencyKey(request)).ToResult());

        app.MapPost("/objects/jobs/{id}/files", (string id, HttpContext context, UploadHandler handler,
            CancellationToken cancellationToken) => handler.HandleAsync(context, id, cancellationToken));

        app.MapGet("/objects/jobs/{id}/errors", async (string id, HttpContext context, JobService jobs,
            CancellationToken cancellationToken) =>
        {
            var errors = jobs.Errors(id);
            if (errors is null)
            {
                await JobService.NotFound(id).ToResult().ExecuteAsync(context);
                return;
            }

            await WriteErrorsAsync(context.Response, errors, cancellationToken);
        });
    }

    private static string? IdempotencyKey(HttpRequest request) =>
        request.Headers["Idempotency-Key"].FirstOrDefault() is { Length: > 0 } key ? key : null;

    /// <summary>Writes the list as it goes, so a job with many errors is not built as one document in memory.</summary>
    private static async Task WriteErrorsAsync(
        HttpResponse response, IReadOnlyList<RowError> errors, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteNumber("row", error.Row);
            writer.WriteStartObject("record");
            foreach (var (column, value) in error.Record)
            {
                writer.WriteString(column, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            if (writer.BytesPending > 32 * 1024)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }
}
