using Microsoft.DurableTask;

namespace ZuoraJobFlows.Workflow.Orchestrations;

/// <summary>
/// Runs a run's job orchestrations with bounded parallelism, forwards a cancel request to the running ones, and
/// folds their progress events into the run's custom status. Stops starting new jobs once one failed or the run was
/// cancelled; those jobs are reported as not started.
/// </summary>
internal sealed class JobSupervisor
{
    private readonly TaskOrchestrationContext _context;
    private readonly RunSettings _settings;
    private readonly Task<CancelSignal> _cancelRequested;
    private readonly Action<RunCustomStatus> _publish;
    private readonly SortedDictionary<int, JobProgress> _progress = [];
    private readonly Dictionary<int, BulkJobResult> _results = [];

    public JobSupervisor(
        TaskOrchestrationContext context,
        RunSettings settings,
        Task<CancelSignal> cancelRequested,
        Action<RunCustomStatus> publish)
    {
        _context = context;
        _settings = settings;
        _cancelRequested = cancelRequested;
        _publish = publish;
    }

    public bool Cancelled { get; private set; }

    public static string JobInstanceId(string runId, int chunk) => $"{runId}:chunk:{chunk}";

    /// <summary>Runs the jobs; returns one result per job started, by chunk number.</summary>
    public async Task<IReadOnlyDictionary<int, BulkJobResult>> RunAsync(IReadOnlyList<BulkJobInput> jobs)
    {
        var waiting = new Queue<BulkJobInput>(jobs);
        var running = new Dictionary<Task<BulkJobResult>, BulkJobInput>();
        var progressEvent = _context.WaitForExternalEvent<JobProgress>(WorkflowNames.JobProgressEvent);
        var failed = false;
        Cancelled = _cancelRequested.IsCompleted;
        Publish(jobs.Count);

        while (waiting.Count > 0 || running.Count > 0)
        {
            while (!Cancelled && !failed && running.Count < _settings.MaxParallelJobs && waiting.Count > 0)
            {
                var job = waiting.Dequeue();
                var options = new SubOrchestrationOptions { InstanceId = JobInstanceId(job.RunId, job.Chunk) };
                running.Add(
                    _context.CallSubOrchestratorAsync<BulkJobResult>(WorkflowNames.BulkJobOrchestrator, job, options),
                    job);
                _progress[job.Chunk] = new JobProgress { Chunk = job.Chunk, Phase = RunPhase.Uploading };
            }

            if (running.Count == 0)
            {
                break;
            }

            var candidates = new List<Task>(running.Keys) { progressEvent };
            if (!Cancelled)
            {
                candidates.Add(_cancelRequested);
            }

            var first = await Task.WhenAny(candidates);
            if (first == _cancelRequested)
            {
                Cancelled = true;
                foreach (var job in running.Values)
                {
                    _context.SendEvent(
                        JobInstanceId(job.RunId, job.Chunk),
                        WorkflowNames.CancelRequestedEvent,
                        _cancelRequested.Result);
                }
            }
            else if (first == progressEvent)
            {
                var progress = progressEvent.Result;
                if (!_results.ContainsKey(progress.Chunk))
                {
                    _progress[progress.Chunk] = progress;
                }

                progressEvent = _context.WaitForExternalEvent<JobProgress>(WorkflowNames.JobProgressEvent);
            }
            else
            {
                var task = (Task<BulkJobResult>)first;
                var job = running[task];
                running.Remove(task);
                var result = await CollectAsync(task, job);
                _results[job.Chunk] = result;
                _progress[job.Chunk] = new JobProgress
                {
                    Chunk = job.Chunk,
                    Phase = RunPhase.Finished,
                    JobId = result.JobId,
                    JobStatus = result.JobStatus,
                    RecordsProcessed = result.RecordsProcessed,
                };
                failed |= result.Outcome == JobOutcome.Failed;
            }

            Publish(jobs.Count);
        }

        return _results;
    }

    private static async Task<BulkJobResult> CollectAsync(Task<BulkJobResult> task, BulkJobInput job)
    {
        try
        {
            return await task;
        }
        catch (TaskFailedException ex)
        {
            return new BulkJobResult
            {
                Chunk = job.Chunk,
                Outcome = JobOutcome.Failed,
                Reason = FailureText.Describe(ex),
            };
        }
    }

    private void Publish(int total)
    {
        var active = _progress.Values.Where(p => p.Phase != RunPhase.Finished).ToList();
        // Before the first job starts, its chunks are about to be submitted and uploaded, not waited on.
        var phase = active.Count == 0 ? (_results.Count == 0 ? RunPhase.Uploading : RunPhase.WaitingForZuora)
            : active.Any(p => p.Phase == RunPhase.Uploading) ? RunPhase.Uploading
            : active.Any(p => p.Phase == RunPhase.WaitingForZuora) ? RunPhase.WaitingForZuora
            : RunPhase.WaitingForSlot;

        _publish(new RunCustomStatus
        {
            Phase = phase,
            ChunksTotal = total,
            ChunksDone = _results.Count,
            RecordsProcessed = _progress.Values.Sum(p => p.RecordsProcessed),
            Jobs = [.. _progress.Values],
        });
    }
}
