namespace ZuoraJobFlows.ZuoraEmulator;

/// <summary>
/// The 8-digit codes the emulator answers with: a 6-digit resource code and a 2-digit category, as Zuora does.
/// Categories follow Zuora's list: 11 authentication, 20 invalid value, 21 unknown field, 22 missing required
/// field, 30 rule restriction, 40 not found, 43 limit (the lead's convention for the job limit), 60/61 internal or
/// temporary error, 70 request limit, 90 malformed request. Resources: 710000 records and rows, 711000 job files
/// (job-level failures), 711300 bulk jobs, 711400 uploads, 712000 definitions, 900000 platform.
/// </summary>
public static class ErrorCodes
{
    /// <summary>A cell is not of the field's type (integer, number, boolean).</summary>
    public const string RowInvalidType = "71000020";

    /// <summary>A cell is not a date (yyyy-MM-dd) or date-time (ISO 8601 with offset) as the format requires.</summary>
    public const string RowInvalidFormat = "71000120";

    /// <summary>A cell is not one of the field's enum values.</summary>
    public const string RowInvalidEnum = "71000220";

    /// <summary>A cell is longer than the field's maxLength.</summary>
    public const string RowTooLong = "71000320";

    /// <summary>The file has a column the object does not define.</summary>
    public const string RowUnknownField = "71000021";

    /// <summary>A required field is missing or empty.</summary>
    public const string RowRequiredMissing = "71000022";

    /// <summary>A unique field repeats a value of a stored record or of an earlier row.</summary>
    public const string RowDuplicateValue = "71000030";

    /// <summary>An update row names a record id that does not exist.</summary>
    public const string RowRecordNotFound = "71000040";

    /// <summary>A row has a different number of fields than the header, or a quote problem.</summary>
    public const string RowMalformed = "71000090";

    /// <summary>Job failed: an update file without an <c>id</c> column.</summary>
    public const string JobFileMissingId = "71100022";

    /// <summary>Job failed: the file has no header, or the header repeats a column.</summary>
    public const string JobFileMalformed = "71100090";

    /// <summary>Bad job request: unknown or missing operation.</summary>
    public const string JobInvalidOperation = "71130020";

    /// <summary>Bad job request: namespace is not <c>default</c>.</summary>
    public const string JobInvalidNamespace = "71130120";

    /// <summary>Bad job request: the filter is missing, malformed or names a field that cannot be filtered.</summary>
    public const string JobInvalidFilter = "71130220";

    /// <summary>Bad job request: the same Idempotency-Key was used with a different request.</summary>
    public const string JobIdempotencyMismatch = "71130320";

    /// <summary>Cancel of a job that is no longer accepted or pending.</summary>
    public const string JobNotCancellable = "71130030";

    /// <summary>Upload to a job that is not pending (already has a file, or is finished).</summary>
    public const string JobNotPending = "71130130";

    /// <summary>Upload to a delete job, which takes a filter and no file.</summary>
    public const string JobTakesNoFile = "71130230";

    /// <summary>Unknown job id.</summary>
    public const string JobNotFound = "71130040";

    /// <summary>Bad job request: the object has no definition.</summary>
    public const string JobUnknownObject = "71130140";

    /// <summary>Five jobs are already accepted, pending or in progress.</summary>
    public const string JobLimitReached = "71130043";

    /// <summary>Malformed job request body or query.</summary>
    public const string JobMalformedRequest = "71130090";

    /// <summary>The uploaded file is larger than 15 MB.</summary>
    public const string UploadTooLarge = "71140020";

    /// <summary>The upload is not multipart/form-data with one part <c>file</c> of type text/csv.</summary>
    public const string UploadMalformed = "71140090";

    /// <summary>Invalid definition body.</summary>
    public const string DefinitionInvalid = "71200020";

    /// <summary>Unknown custom object.</summary>
    public const string DefinitionNotFound = "71200040";

    /// <summary>Missing, wrong or expired bearer token; wrong client credentials.</summary>
    public const string Unauthenticated = "90000011";

    /// <summary>Invalid header value (Zuora-Track-Id) or token request.</summary>
    public const string InvalidRequest = "90000020";

    /// <summary>Injected internal error (500).</summary>
    public const string InternalError = "90000060";

    /// <summary>Injected temporary error (503).</summary>
    public const string TemporaryError = "90000061";

    /// <summary>Too many requests (429).</summary>
    public const string RateLimited = "90000070";
}
