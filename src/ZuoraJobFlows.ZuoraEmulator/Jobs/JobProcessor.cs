using System.Text;
using ZuoraJobFlows.ZuoraEmulator.Csv;
using ZuoraJobFlows.ZuoraEmulator.State;
using ZuoraJobFlows.ZuoraEmulator.Validation;

namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>
/// Moves jobs through their statuses in the background, as Zuora does: accepted to pending after the start delay,
/// then the uploaded file (or the delete filter) processed at the configured pace to completed or failed.
/// </summary>
internal sealed class JobProcessor(
    EmulatorState state,
    EmulatorOptions options,
    JobQueue queue,
    TimeProvider timeProvider,
    ILogger<JobProcessor> logger) : BackgroundService
{
    private readonly List<Task> _running = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                _running.RemoveAll(task => task.IsCompleted);
                _running.Add(Task.Run(() => RunAsync(work, stoppingToken), CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the running jobs see the same token.
        }

        await Task.WhenAll(_running);
    }

    private async Task RunAsync(JobWork work, CancellationToken cancellationToken)
    {
        try
        {
            if (work.Kind == JobWorkKind.Start)
            {
                await StartAsync(work.JobId, cancellationToken);
            }
            else
            {
                await ProcessFileAsync(work.JobId, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The emulator is stopping; its state goes with it.
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever went wrong, the job must not stay in_progress for ever: a client would poll it until timeout.
            Log.JobCrashed(logger, work.JobId, exception);
            Finish(work.JobId, JobStatus.Failed, ErrorCodes.InternalError, "The emulator could not process the job.");
        }
    }

    private async Task StartAsync(string jobId, CancellationToken cancellationToken)
    {
        var delay = options.JobStartDelay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
        }

        EmulatedJob job;
        lock (state.Gate)
        {
            job = state.Jobs[jobId];
            if (job.Status == JobStatus.Accepted)
            {
                state.SetStatus(job, JobStatus.Pending, timeProvider.GetUtcNow());
            }
            else if (job.Status != JobStatus.Pending || job.Operation != "delete")
            {
                return;
            }

            if (job.Operation == "delete")
            {
                BeginProcessing(job);
            }
        }

        Log.JobStatusChanged(logger, jobId, job.Operation == "delete" ? JobStatus.InProgress : JobStatus.Pending);
        if (job.Operation == "delete")
        {
            await DeleteAsync(job, cancellationToken);
        }
    }

    private async Task DeleteAsync(EmulatedJob job, CancellationToken cancellationToken)
    {
        List<StoredRecord> matches;
        RecordTable table;
        lock (state.Gate)
        {
            table = state.TableFor(job.ObjectName);
            matches = [.. table.Records.Where(record => FilterMatcher.Matches(record, job.Filter))];
        }

        var pacer = new Pacer(options, timeProvider);
        foreach (var record in matches)
        {
            await pacer.WaitAsync(cancellationToken);
            lock (state.Gate)
            {
                var unique = state.Definitions.TryGetValue(job.ObjectName, out var definition)
                    ? definition.Unique
                    : new HashSet<string>();
                table.RemoveWhere(candidate => ReferenceEquals(candidate, record), unique);
                job.RecordsProcessed++;
                job.UpdatedDate = timeProvider.GetUtcNow();
            }
        }

        Finish(job.Id, JobStatus.Completed, null, null);
    }

    private async Task ProcessFileAsync(string jobId, CancellationToken cancellationToken)
    {
        EmulatedJob job;
        Definitions.ObjectDefinition? definition;
        lock (state.Gate)
        {
            job = state.Jobs[jobId];
            definition = state.Definitions.GetValueOrDefault(job.ObjectName);
            BeginProcessing(job);
        }

        var path = job.FilePath!;
        try
        {
            if (definition is null)
            {
                Finish(jobId, JobStatus.Failed, ErrorCodes.DefinitionNotFound,
                    $"The custom object '{job.ObjectName}' was deleted.");
                return;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024,
                FileOptions.SequentialScan);

            // No byte-order-mark detection: a BOM stays in the first column name, as the strict reading requires.
            using var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
            var csv = new CsvRecordReader(text);
            var (processor, code, message) = RowProcessor.ForHeader(definition, job.Operation, csv.Read());
            if (processor is null)
            {
                Finish(jobId, JobStatus.Failed, code, message);
                return;
            }

            var pacer = new Pacer(options, timeProvider);
            var row = 1L;
            while (csv.Read() is { } record)
            {
                row++;
                await pacer.WaitAsync(cancellationToken);
                lock (state.Gate)
                {
                    var now = timeProvider.GetUtcNow();
                    var table = state.TableFor(job.ObjectName);
                    var error = processor.Process(record, row, table, options.KeepRecords, now);
                    if (error is not null)
                    {
                        job.Errors.Add(error);
                    }

                    job.RecordsProcessed++;
                    job.UpdatedDate = now;
                }
            }

            Finish(jobId, JobStatus.Completed, null, null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private void BeginProcessing(EmulatedJob job)
    {
        var now = timeProvider.GetUtcNow();
        job.ProcessingStarted = now;
        state.SetStatus(job, JobStatus.InProgress, now);
    }

    private void Finish(string jobId, string status, string? code, string? message)
    {
        EmulatedJob job;
        lock (state.Gate)
        {
            job = state.Jobs[jobId];
            var now = timeProvider.GetUtcNow();
            job.ErrorCode = code;
            job.ErrorMessage = message;
            job.ProcessingTimeMs = (long)(now - (job.ProcessingStarted ?? now)).TotalMilliseconds;
            state.SetStatus(job, status, now);
        }

        Log.JobFinished(logger, jobId, status, job.RecordsProcessed, job.Errors.Count);
    }
}
