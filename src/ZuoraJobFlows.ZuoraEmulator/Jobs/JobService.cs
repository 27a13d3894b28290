using System.Text.Json.Nodes;
using ZuoraJobFlows.ZuoraEmulator.Endpoints;
using ZuoraJobFlows.ZuoraEmulator.State;

namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>The bulk job rules: submission with the active-job limit and idempotency, reads, listing, cancel.</summary>
internal sealed class JobService(
    EmulatorState state, EmulatorOptions options, JobQueue queue, TimeProvider timeProvider)
{
    public const string LimitMessage = "Concurrent bulk job limit reached: the tenant already has 5 jobs in " +
        "accepted, pending or in_progress status.";

    public ApiAnswer Submit(JsonNode? body, string? idempotencyKey)
    {
        EmulatedJob job;
        lock (state.Gate)
        {
            var (request, error) = JobRequestReader.Read(body, state.Definitions);
            var scope = "POST /objects/jobs|" + idempotencyKey;
            if (idempotencyKey is not null && state.IdempotencyKeys.TryGetValue(scope, out var earlier))
            {
                return request is not null && request.Fingerprint != earlier.Fingerprint
                    ? ApiAnswer.BadRequest(ErrorCodes.JobIdempotencyMismatch,
                        "The Idempotency-Key was already used with a different request.")
                    : ApiAnswer.Ok(state.Jobs[earlier.JobId].ToJson());
            }

            if (request is null)
            {
                return error!;
            }

            if (state.ActiveJobCount() >= options.MaxActiveJobs)
            {
                var message = options.MaxActiveJobs == 5
                    ? LimitMessage
                    : LimitMessage.Replace(" 5 ", $" {options.MaxActiveJobs} ", StringComparison.Ordinal);
                return ApiAnswer.BadRequest(ErrorCodes.JobLimitReached, message);
            }

            var now = timeProvider.GetUtcNow();
            job = new EmulatedJob
            {
                Id = Guid.NewGuid().ToString(),
                Namespace = request.Namespace,
                ObjectName = request.ObjectName,
                Operation = request.Operation,
                Filter = request.Filter,
                CreatedById = EmulatorState.UserId,
                CreatedDate = now,
                UpdatedDate = now,
            };
            state.Jobs[job.Id] = job;
            state.JobOrder.Add(job);
            state.JobsCreated++;
            // With no start delay the job is pending at once, so a caller may upload without polling first.
            state.SetStatus(job, options.JobStartDelay > TimeSpan.Zero ? JobStatus.Accepted : JobStatus.Pending, now);
            if (idempotencyKey is not null)
            {
                state.IdempotencyKeys[scope] = (job.Id, request.Fingerprint);
            }
        }

        queue.Enqueue(new JobWork(job.Id, JobWorkKind.Start));
        lock (state.Gate)
        {
            return ApiAnswer.Ok(job.ToJson());
        }
    }

    public ApiAnswer Get(string id)
    {
        lock (state.Gate)
        {
            if (!state.Jobs.TryGetValue(id, out var job))
            {
                return NotFound(id);
            }

            job.StatusGets++;
            return ApiAnswer.Ok(job.ToJson());
        }
    }

    public ApiAnswer List(string? pageSizeText, string? cursor, string? status)
    {
        var pageSize = 25;
        if (pageSizeText is not null && (!int.TryParse(pageSizeText, out pageSize) || pageSize is < 1 or > 100))
        {
            return ApiAnswer.BadRequest(ErrorCodes.JobMalformedRequest, "pageSize must be between 1 and 100.");
        }

        if (status is not null && !JobStatus.All.Contains(status))
        {
            return ApiAnswer.BadRequest(ErrorCodes.JobMalformedRequest, $"Unknown status '{status}'.");
        }

        lock (state.Gate)
        {
            var start = 0;
            if (!string.IsNullOrEmpty(cursor))
            {
                start = state.JobOrder.FindIndex(job => job.Id == cursor) + 1;
                if (start == 0)
                {
                    return ApiAnswer.BadRequest(ErrorCodes.JobMalformedRequest, $"Unknown cursor '{cursor}'.");
                }
            }

            var matching = state.JobOrder.Skip(start).Where(job => status is null || job.Status == status);
            var page = matching.Take(pageSize + 1).ToList();
            var more = page.Count > pageSize;
            if (more)
            {
                page.RemoveAt(pageSize);
            }

            var body = new JsonObject
            {
                ["count"] = page.Count,
                ["jobs"] = new JsonArray([.. page.Select(job => (JsonNode)job.ToJson())]),
            };
            if (more)
            {
                body["cursor"] = page[^1].Id;
            }

            return ApiAnswer.Ok(body);
        }
    }

    public ApiAnswer Cancel(string id, string? idempotencyKey)
    {
        lock (state.Gate)
        {
            if (!state.Jobs.TryGetValue(id, out var job))
            {
                return NotFound(id);
            }

            var scope = $"PATCH /objects/jobs/{id}/cancel|{idempotencyKey}";
            if (idempotencyKey is not null && state.IdempotencyKeys.ContainsKey(scope))
            {
                return ApiAnswer.Ok(job.ToJson());
            }

            if (job.Status is not (JobStatus.Accepted or JobStatus.Pending))
            {
                return ApiAnswer.BadRequest(ErrorCodes.JobNotCancellable,
                    $"The job cannot be cancelled: its status is {job.Status}; only accepted or pending jobs can.");
            }

            state.SetStatus(job, JobStatus.Cancelled, timeProvider.GetUtcNow());
            if (idempotencyKey is not null)
            {
                state.IdempotencyKeys[scope] = (job.Id, string.Empty);
            }

            return ApiAnswer.Ok(job.ToJson());
        }
    }

    /// <summary>The errors so far, copied under the lock so the answer can be written without it.</summary>
    public IReadOnlyList<RowError>? Errors(string id)
    {
        lock (state.Gate)
        {
            return state.Jobs.TryGetValue(id, out var job) ? [.. job.Errors] : null;
        }
    }

    public static ApiAnswer NotFound(string id) =>
        ApiAnswer.NotFound(ErrorCodes.JobNotFound, $"The bulk job '{id}' does not exist.");
}
