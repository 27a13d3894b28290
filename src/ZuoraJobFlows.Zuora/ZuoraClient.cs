using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ZuoraJobFlows.Zuora.Http;
using ZuoraJobFlows.Zuora.Json;
using ZuoraJobFlows.Zuora.Logging;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Zuora;

/// <summary>The Zuora Custom Object bulk job client over <see cref="IHttpClientFactory"/>.</summary>
internal sealed class ZuoraClient : IZuoraClient
{
    private const string JobsPath = "objects/jobs";
    private const string DefinitionsPath = "objects/definitions/default";

    private readonly ZuoraRequestSender _sender;
    private readonly ZuoraClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ZuoraClient> _logger;

    public ZuoraClient(
        ZuoraRequestSender sender,
        IOptions<ZuoraClientOptions> options,
        TimeProvider timeProvider,
        ILogger<ZuoraClient> logger)
    {
        _sender = sender;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<BulkJob> SubmitJobAsync(
        BulkJobRequest request,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, ZuoraJson.Options);
        var call = new ZuoraCall(HttpMethod.Post, JobsPath, options) { CreateContent = () => JsonBody(body) };

        var (job, requestId) = await _sender.SendForJsonAsync<BulkJob>(call, cancellationToken).ConfigureAwait(false);

        Log.JobSubmitted(_logger, job.Id, request.Operation, request.ObjectName, job.Status, requestId);
        return job with { RequestId = requestId };
    }

    public async Task<BulkJob> UploadFileAsync(
        string jobId,
        Stream content,
        string fileName,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!content.CanRead)
        {
            throw new ArgumentException("The upload stream cannot be read.", nameof(content));
        }

        var started = Stopwatch.GetTimestamp();
        long? startPosition = content.CanSeek ? content.Position : null;
        CsvFileContent? file = null;
        var call = new ZuoraCall(HttpMethod.Post, $"{JobsPath}/{Uri.EscapeDataString(jobId)}/files", options)
        {
            ClientName = ZuoraHttpClientNames.Upload,
            CanResend = startPosition is not null,
            ExpectContinue = true,
            CreateContent = () =>
            {
                if (startPosition is { } position)
                {
                    content.Position = position;
                }

                file = new CsvFileContent(content);
                return FileForm(file, fileName);
            },
        };

        var (job, requestId) = await _sender.SendForJsonAsync<BulkJob>(call, cancellationToken).ConfigureAwait(false);

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var bytes = file?.BytesSent ?? 0;
        Log.FileUploaded(_logger, bytes, job.Id, elapsed, job.Status, requestId);
        return job with { RequestId = requestId };
    }

    public async Task<BulkJob> GetJobAsync(
        string jobId,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var call = new ZuoraCall(HttpMethod.Get, $"{JobsPath}/{Uri.EscapeDataString(jobId)}", options);

        var (job, requestId) = await _sender.SendForJsonAsync<BulkJob>(call, cancellationToken).ConfigureAwait(false);

        return job with { RequestId = requestId };
    }

    public async IAsyncEnumerable<BulkJob> ListJobsAsync(
        BulkJobListQuery? query = null,
        ZuoraRequestOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var call = new ZuoraCall(HttpMethod.Get, JobsPath, options) { Query = ListQuery(query, cursor) };
            var (page, requestId) = await _sender.SendForJsonAsync<BulkJobPage>(call, cancellationToken)
                .ConfigureAwait(false);

            foreach (var job in page.Jobs ?? [])
            {
                yield return job with { RequestId = requestId };
            }

            // A server that hands back the cursor it was given would otherwise keep us here for ever.
            var next = page.Jobs is { Count: > 0 } ? page.Cursor : null;
            cursor = string.IsNullOrEmpty(next) || next == cursor ? null : next;
        }
        while (cursor is not null);
    }

    public async IAsyncEnumerable<BulkJobError> GetJobErrorsAsync(
        string jobId,
        ZuoraRequestOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var call = new ZuoraCall(HttpMethod.Get, $"{JobsPath}/{Uri.EscapeDataString(jobId)}/errors", options)
        {
            Completion = HttpCompletionOption.ResponseHeadersRead,
        };

        using var response = await _sender.SendAsync(call, cancellationToken).ConfigureAwait(false);

        // The body is read after the resilience pipeline has returned, so no attempt timeout covers it; a stalled
        // stream is cut after AttemptTimeout without a byte-complete error instead of hanging.
        using var idle = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _timeProvider);
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        var stream = await response.Content.ReadAsStreamAsync(reading.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var errors = JsonArrayPropertyReader.ReadAsync<BulkJobError>(
                stream, "errors", ZuoraJson.Options, reading.Token);
            var enumerator = errors.GetAsyncEnumerator(reading.Token);
            await using (enumerator.ConfigureAwait(false))
            {
                while (true)
                {
                    idle.CancelAfter(_options.AttemptTimeout);
                    if (!await MoveNextAsync(enumerator, call, response, cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }

                    yield return enumerator.Current;
                }
            }
        }
    }

    public async Task<BulkJob> CancelJobAsync(
        string jobId,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var call = new ZuoraCall(HttpMethod.Patch, $"{JobsPath}/{Uri.EscapeDataString(jobId)}/cancel", options);

        var (job, requestId) = await _sender.SendForJsonAsync<BulkJob>(call, cancellationToken).ConfigureAwait(false);

        Log.JobCancelled(_logger, job.Id, job.Status, requestId);
        return job with { RequestId = requestId };
    }

    public async Task<CustomObjectDefinition?> GetDefinitionAsync(
        string objectName,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectName);
        var call = new ZuoraCall(HttpMethod.Get, $"{DefinitionsPath}/{Uri.EscapeDataString(objectName)}", options);

        JsonElement body;
        try
        {
            (body, _) = await _sender.SendForJsonAsync<JsonElement>(call, cancellationToken).ConfigureAwait(false);
        }
        catch (ZuoraApiException exception) when (exception.Kind == ZuoraFailureKind.NotFound)
        {
            return null;
        }

        // Zuora wraps the schema in a definition record ({ "id", "type", "schema": { ... } }); accept both forms.
        var schema = body.ValueKind == JsonValueKind.Object
            && body.TryGetProperty("schema", out var inner)
            && inner.ValueKind == JsonValueKind.Object
                ? inner
                : body;
        return schema.Deserialize<CustomObjectDefinition>(ZuoraJson.Options);
    }

    private static ByteArrayContent JsonBody(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static MultipartFormDataContent FileForm(CsvFileContent file, string fileName)
    {
        // Quoted parameters, as browsers send them; some multipart parsers accept nothing else.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = "\"file\"",
            FileName = Ascii.IsValid(fileName) ? QuotedString(fileName) : fileName,
        };
        var form = new MultipartFormDataContent();
        form.Add(file);
        return form;
    }

    private static string QuotedString(string value) =>
        "\""
        + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
        + "\"";

    private static string ListQuery(BulkJobListQuery? query, string? cursor)
    {
        var parts = new List<string>(3);
        if (query?.PageSize is { } pageSize)
        {
            parts.Add($"pageSize={pageSize}");
        }

        if (query?.Status is { } status)
        {
            parts.Add($"status={BulkJobStatusNames.ToWire(status)}");
        }

        if (cursor is not null)
        {
            parts.Add($"cursor={Uri.EscapeDataString(cursor)}");
        }

        return string.Join('&', parts);
    }

    private static async Task<bool> MoveNextAsync(
        IAsyncEnumerator<BulkJobError> enumerator,
        ZuoraCall call,
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        try
        {
            return await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            var requestId = ZuoraErrorReader.ReadRequestId(response);
            throw new ZuoraApiException(
                $"Zuora answered GET {call.LogPath} with an errors list that could not be read "
                    + $"(Zuora-Request-Id {requestId}).",
                response.StatusCode,
                [],
                requestId,
                ZuoraFailureKind.Permanent,
                innerException: exception);
        }
        catch (Exception exception) when (ZuoraCallFailures.IsTransport(exception, cancellationToken))
        {
            throw ZuoraTransportFailure.Create("GET", call.LogPath, exception, ZuoraCallFailures.IsTimeout(exception));
        }
    }
}
