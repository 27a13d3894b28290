using System.Text;

namespace ZuoraJobFlows.Workflow.Activities;

/// <summary>The idempotency keys and track id every Zuora call of a run carries.</summary>
public static class JobKeys
{
    private const int MaxTrackIdLength = 64;

    public static string SubmitKey(string runId, int chunk) => $"{runId}:{chunk}:submit";

    public static string UploadKey(string runId, int chunk) => $"{runId}:{chunk}:upload";

    public static string CancelKey(string runId, string jobId) => $"{runId}:{jobId}:cancel";

    /// <summary>
    /// The run id as a <c>Zuora-Track-Id</c>: printable US-ASCII without <c>: ; " '</c>, at most 64 long.
    /// </summary>
    public static string TrackId(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);

        var builder = new StringBuilder(Math.Min(runId.Length, MaxTrackIdLength));
        foreach (var c in runId)
        {
            if (builder.Length == MaxTrackIdLength)
            {
                break;
            }

            builder.Append(IsAllowed(c) ? c : '_');
        }

        return builder.ToString();
    }

    private static bool IsAllowed(char c) => c is > ' ' and < '\u007f' and not (':' or ';' or '"' or '\'');
}
