using ZuoraJobFlows.Zuora.Models;

namespace ZuoraJobFlows.Zuora;

/// <summary>
/// Client for the Zuora Custom Object bulk job API and the custom object definitions it validates against.
/// </summary>
/// <remarks>
/// Every call throws <see cref="ZuoraApiException"/> when Zuora answers with an error; the exception says whether
/// the failure is transient. GET calls are retried by the HTTP pipeline; POST and PATCH calls are not, so callers
/// retry them with the same <see cref="ZuoraRequestOptions.IdempotencyKey"/>.
/// </remarks>
public interface IZuoraClient
{
    /// <summary>Submits a bulk job (<c>POST /objects/jobs</c>).</summary>
    /// <param name="request">The object, operation and, for deletes, the filter.</param>
    /// <param name="options">Per-call headers such as the idempotency key and track id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job as Zuora created it (or as it was, when the idempotency key was replayed).</returns>
    Task<BulkJob> SubmitJobAsync(
        BulkJobRequest request,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads the CSV file of a <c>pending</c> job (<c>POST /objects/jobs/{id}/files</c>) as a streamed
    /// <c>multipart/form-data</c> part named <c>file</c> of type <c>text/csv</c>.
    /// </summary>
    /// <remarks>
    /// The upload is never retried by the HTTP pipeline and has no per-attempt timeout, only
    /// <see cref="ZuoraClientOptions.UploadTimeout"/>. When Zuora refuses the token (401), the file is sent again with
    /// a new token only if <paramref name="content"/> can seek back to where it started; otherwise a new token is
    /// fetched and a transient <see cref="ZuoraApiException"/> (status 401) is thrown, so that the caller uploads
    /// again from a fresh stream. The caller keeps ownership of <paramref name="content"/>; it is not disposed.
    /// </remarks>
    /// <param name="jobId">The job that receives the file.</param>
    /// <param name="content">The CSV bytes; read once, from its current position, and never buffered whole.</param>
    /// <param name="fileName">The file name Zuora records for the upload.</param>
    /// <param name="options">Per-call headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job after the upload.</returns>
    Task<BulkJob> UploadFileAsync(
        string jobId,
        Stream content,
        string fileName,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>Reads one job (<c>GET /objects/jobs/{id}</c>).</summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="options">Per-call headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    Task<BulkJob> GetJobAsync(
        string jobId,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the tenant's jobs page by page (<c>GET /objects/jobs</c>), following the cursor to the end.
    /// </summary>
    /// <param name="query">Page size and an optional status filter.</param>
    /// <param name="options">Per-call headers.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>Every job, in the order Zuora returns them.</returns>
    IAsyncEnumerable<BulkJob> ListJobsAsync(
        BulkJobListQuery? query = null,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Streams the row errors of a job (<c>GET /objects/jobs/{id}/errors</c>) one by one, without holding the whole
    /// response in memory.
    /// </summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="options">Per-call headers.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The errors in the order Zuora returns them.</returns>
    IAsyncEnumerable<BulkJobError> GetJobErrorsAsync(
        string jobId,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Cancels a job that is still <c>accepted</c> or <c>pending</c> (<c>PATCH /objects/jobs/{id}/cancel</c>).
    /// </summary>
    /// <param name="jobId">The job id.</param>
    /// <param name="options">Per-call headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job after cancellation.</returns>
    Task<BulkJob> CancelJobAsync(
        string jobId,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads a custom object definition (<c>GET /objects/definitions/default/{object}</c>).
    /// </summary>
    /// <param name="objectName">The object's API name, e.g. <c>vehicle</c>.</param>
    /// <param name="options">Per-call headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The definition, or <see langword="null"/> when the object is not defined in the tenant.</returns>
    Task<CustomObjectDefinition?> GetDefinitionAsync(
        string objectName,
        ZuoraRequestOptions? options = null,
        CancellationToken cancellationToken = default);
}
