namespace ZuoraJobFlows.Zuora.Http;

/// <summary>Checks a <c>Zuora-Track-Id</c> against Zuora's rules before it goes on the wire.</summary>
internal static class TrackIdValidator
{
    public const int MaxLength = 64;

    public static void Validate(string? trackId)
    {
        if (trackId is null)
        {
            return;
        }

        if (trackId.Length > MaxLength)
        {
            throw new ArgumentException(
                $"The {ZuoraHeaders.TrackId} header is {trackId.Length} characters long; "
                    + $"at most {MaxLength} are allowed.",
                nameof(trackId));
        }

        foreach (var c in trackId)
        {
            if (c > 0x7F || char.IsControl(c) || c is ':' or ';' or '"' or '\'')
            {
                throw new ArgumentException(
                    $"The {ZuoraHeaders.TrackId} header must be printable US-ASCII without : ; \" or '.",
                    nameof(trackId));
            }
        }
    }
}
