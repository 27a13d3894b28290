namespace ZuoraJobFlows.Zuora.Models;

/// <summary>Paging and filtering for <see cref="IZuoraClient.ListJobsAsync"/>.</summary>
public sealed record BulkJobListQuery
{
    /// <summary>Jobs per page, 1 to 100; Zuora's default is 25.</summary>
    public int? PageSize { get; init; }

    /// <summary>Only jobs in this status.</summary>
    public BulkJobStatus? Status { get; init; }
}
