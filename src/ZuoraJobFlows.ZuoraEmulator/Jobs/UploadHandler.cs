using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ZuoraJobFlows.ZuoraEmulator.Endpoints;
using ZuoraJobFlows.ZuoraEmulator.State;

namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>
/// <c>POST /objects/jobs/{id}/files</c>: streams the part <c>file</c> to a temp file while counting its bytes (never
/// the whole file in memory), then hands the job to the background processor.
/// </summary>
internal sealed class UploadHandler(
    EmulatorState state,
    EmulatorOptions options,
    JobQueue queue,
    UploadFolder folder,
    TimeProvider timeProvider,
    ILogger<UploadHandler> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var scope = $"POST /objects/jobs/{id}/files|{key}";
        var refusal = CheckJob(id, key, scope, out var replay);
        if (refusal is not null || replay is not null)
        {
            if (await DrainAsync(context.Request.Body, cancellationToken))
            {
                CountWholeFile(id);
            }

            return (refusal ?? replay!).ToResult();
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length == 0)
        {
            await DrainAsync(context.Request.Body, cancellationToken);
            return MalformedAnswer("The upload must be multipart/form-data with one part named 'file'.").ToResult();
        }

        var path = folder.NewFilePath();
        var received = await ReceiveAsync(context, HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!, path,
            id, cancellationToken);
        if (received.Answer is not null)
        {
            File.Delete(path);
            return received.Answer.ToResult();
        }

        if (received.Dropped)
        {
            File.Delete(path);
            return Results.Empty;
        }

        CountWholeFile(id);
        var answer = Accept(id, path, received.Bytes, key is null ? null : scope);
        if (answer.StatusCode != StatusCodes.Status200OK)
        {
            File.Delete(path);
            return answer.ToResult();
        }

        Log.FileStored(logger, id, received.Bytes);
        queue.Enqueue(new JobWork(id, JobWorkKind.File));
        if (options.DropAfterUpload)
        {
            Log.UploadDropped(logger, id, "after the file was stored");
            context.Abort();
            return Results.Empty;
        }

        return answer.ToResult();
    }

    private ApiAnswer? CheckJob(string id, string? key, string scope, out ApiAnswer? replay)
    {
        replay = null;
        lock (state.Gate)
        {
            if (!state.Jobs.TryGetValue(id, out var job))
            {
                return JobService.NotFound(id);
            }

            job.UploadsReceived++;
            if (key is not null && state.IdempotencyKeys.ContainsKey(scope))
            {
                replay = ApiAnswer.Ok(job.ToJson());
                return null;
            }

            return Refusal(job);
        }
    }

    private static ApiAnswer? Refusal(EmulatedJob job)
    {
        if (job.Operation == "delete")
        {
            return ApiAnswer.BadRequest(ErrorCodes.JobTakesNoFile, "A delete job takes a filter, not a file.");
        }

        if (job.FilePath is not null)
        {
            return ApiAnswer.BadRequest(ErrorCodes.JobNotPending,
                $"The job is not pending (status {job.Status}): it already has a file, and a job takes one file.");
        }

        return job.Status == JobStatus.Pending
            ? null
            : ApiAnswer.BadRequest(ErrorCodes.JobNotPending,
                $"The job is not pending (status {job.Status}); a file can only be uploaded to a pending job.");
    }

    private ApiAnswer Accept(string id, string path, long bytes, string? scope)
    {
        lock (state.Gate)
        {
            var job = state.Jobs[id];
            var refusal = Refusal(job);
            if (refusal is not null)
            {
                return refusal;
            }

            job.FilePath = path;
            job.FileBytes = bytes;
            state.SetStatus(job, JobStatus.InProgress, timeProvider.GetUtcNow());
            job.ProcessingStarted = job.UpdatedDate;
            if (scope is not null)
            {
                state.IdempotencyKeys[scope] = (id, string.Empty);
            }

            return ApiAnswer.Ok(job.ToJson());
        }
    }

    private async Task<Received> ReceiveAsync(
        HttpContext context, string boundary, string path, string id, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, context.Request.Body) { BodyLengthLimit = null };
        var drop = options.DropUploadRate > 0 && Random.Shared.NextDouble() < options.DropUploadRate;
        var fileParts = 0;
        long bytes = 0;
        string? problem = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var isFile = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    && HeaderUtilities.RemoveQuotes(disposition.Name).Equals("file", StringComparison.Ordinal);
                if (!isFile)
                {
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                    continue;
                }

                fileParts++;
                if (!IsCsv(section.ContentType))
                {
                    problem ??= "The part 'file' must have the content type text/csv.";
                }

                if (fileParts > 1 || problem is not null)
                {
                    problem ??= "The upload has more than one part named 'file'; a job takes one file.";
                    await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                    continue;
                }

                if (drop)
                {
                    var buffer = new byte[8192];
                    _ = await section.Body.ReadAsync(buffer, cancellationToken);
                    Log.UploadDropped(logger, id, "while the file was being received");
                    context.Abort();
                    return new Received(0, null, Dropped: true);
                }

                bytes = await CopyCountingAsync(section.Body, path, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            var answer = MalformedAnswer("The multipart body could not be read: " + exception.Message);
            return new Received(bytes, answer, false);
        }

        if (fileParts == 0)
        {
            problem ??= "The upload has no part named 'file'.";
        }

        if (problem is not null)
        {
            return new Received(bytes, MalformedAnswer(problem), false);
        }

        return bytes > options.MaxFileBytes
            ? new Received(bytes, ApiAnswer.BadRequest(ErrorCodes.UploadTooLarge,
                $"The file has {bytes} bytes; a file can have at most {options.MaxFileBytes} bytes (15 MB)."), false)
            : new Received(bytes, null, false);
    }

    /// <summary>Writes the part to disk up to the limit; past it only counts, so the client still gets its 400.
    /// </summary>
    private async Task<long> CopyCountingAsync(Stream source, string path, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        await using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1,
            FileOptions.Asynchronous);
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (total + read <= options.MaxFileBytes)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            total += read;
        }

        return total;
    }

    private static bool IsCsv(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && type.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads what the client is still sending before answering a refusal, so a client streaming a large file reads
    /// the 400 instead of a reset connection. Bounded, so a runaway body cannot keep the request open for ever.
    /// </summary>
    // True when the body was read to its end (a whole file sent), false when it was cut off at the limit.
    private async Task<bool> DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var limit = (options.MaxFileBytes * 2) + (1024 * 1024);
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total >= limit)
            {
                return false;
            }
        }

        return true;
    }

    private void CountWholeFile(string id)
    {
        lock (state.Gate)
        {
            if (state.Jobs.TryGetValue(id, out var job))
            {
                job.WholeFilesReceived++;
            }
        }
    }

    private static ApiAnswer MalformedAnswer(string message) =>
        ApiAnswer.BadRequest(ErrorCodes.UploadMalformed, message);

    private sealed record Received(long Bytes, ApiAnswer? Answer, bool Dropped);
}
