using System.Collections.Concurrent;
using Moq;
using ZuoraJobFlows.Zuora;
using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Workflow.Tests.Infrastructure;

/// <summary>
/// A single Zuora job behind a Moq client: pending after submit, in progress after its file arrives, and done after
/// a number of polls. Records every idempotency key it was called with.
/// </summary>
internal sealed class FakeJob
{
    private readonly object _gate = new();
    private BulkJobStatus _status;
    private int _pollsAfterUpload;

    public FakeJob(string id, long records = 3)
    {
        Id = id;
        Records = records;
        _status = BulkJobStatus.Pending;
    }

    public string Id { get; }

    public long Records { get; }

    public int PollsUntilDone { get; set; } = 2;

    public BulkJobStatus FinalStatus { get; set; } = BulkJobStatus.Completed;

    public BulkJobFailure? Failure { get; set; }

    /// <summary>When set, the job never leaves this status on its own (e.g. stuck in accepted or pending).</summary>
    public BulkJobStatus? StuckIn { get; set; }

    public ConcurrentQueue<string?> SubmitKeys { get; } = new();

    public ConcurrentQueue<string?> UploadKeys { get; } = new();

    public int GetJobCalls;

    public int CancelCalls;

    public BulkJobStatus Status
    {
        get
        {
            lock (_gate)
            {
                return StuckIn ?? _status;
            }
        }
    }

    public void Attach(Mock<IZuoraClient> zuora)
    {
        zuora.Setup(z => z.SubmitJobAsync(It.IsAny<BulkJobRequest>(), It.IsAny<ZuoraRequestOptions?>(),
            It.IsAny<CancellationToken>()))
            .Returns((BulkJobRequest _, ZuoraRequestOptions? options, CancellationToken _) =>
            {
                SubmitKeys.Enqueue(options?.IdempotencyKey);
                return Task.FromResult(Snapshot(BulkJobStatus.Accepted));
            });

        zuora.Setup(z => z.GetJobAsync(Id, It.IsAny<ZuoraRequestOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                Interlocked.Increment(ref GetJobCalls);
                return Task.FromResult(Poll());
            });

        zuora.Setup(z => z.UploadFileAsync(Id, It.IsAny<Stream>(), It.IsAny<string>(),
            It.IsAny<ZuoraRequestOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(async (string _, Stream content, string _, ZuoraRequestOptions? options, CancellationToken ct) =>
            {
                UploadKeys.Enqueue(options?.IdempotencyKey);
                await content.CopyToAsync(Stream.Null, ct);
                lock (_gate)
                {
                    _status = BulkJobStatus.InProgress;
                }

                return Snapshot(BulkJobStatus.InProgress);
            });

        zuora.Setup(z => z.CancelJobAsync(Id, It.IsAny<ZuoraRequestOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                Interlocked.Increment(ref CancelCalls);
                lock (_gate)
                {
                    StuckIn = null;
                    _status = BulkJobStatus.Cancelled;
                }

                return Task.FromResult(Snapshot(BulkJobStatus.Cancelled));
            });
    }

    /// <summary>
    /// Makes the first <paramref name="failures"/> upload attempts fail with <paramref name="error"/>.
    /// </summary>
    public void FailUploads(Mock<IZuoraClient> zuora, int failures, Exception error)
    {
        var remaining = failures;
        zuora.Setup(z => z.UploadFileAsync(Id, It.IsAny<Stream>(), It.IsAny<string>(),
            It.IsAny<ZuoraRequestOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((string _, Stream _, string _, ZuoraRequestOptions? options, CancellationToken _) =>
            {
                UploadKeys.Enqueue(options?.IdempotencyKey);
                if (Interlocked.Decrement(ref remaining) >= 0)
                {
                    return Task.FromException<BulkJob>(error);
                }

                lock (_gate)
                {
                    _status = BulkJobStatus.InProgress;
                }

                return Task.FromResult(Snapshot(BulkJobStatus.InProgress));
            });
    }

    private BulkJob Poll()
    {
        lock (_gate)
        {
            if (StuckIn is null && _status == BulkJobStatus.InProgress && ++_pollsAfterUpload > PollsUntilDone)
            {
                _status = FinalStatus;
            }

            return Snapshot(StuckIn ?? _status);
        }
    }

    private BulkJob Snapshot(BulkJobStatus status) => ZuoraFakes.Job(Id, status,
        status is BulkJobStatus.Completed or BulkJobStatus.Failed ? Records : 0) with
    {
        Error = status == BulkJobStatus.Failed ? Failure : null,
    };
}
