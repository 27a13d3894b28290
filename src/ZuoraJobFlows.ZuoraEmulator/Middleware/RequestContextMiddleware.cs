using System.Diagnostics;
using ZuoraJobFlows.ZuoraEmulator.Endpoints;

namespace ZuoraJobFlows.ZuoraEmulator.Middleware;

/// <summary>
/// Gives every answer a new <c>Zuora-Request-Id</c>, echoes a valid <c>Zuora-Track-Id</c> (400 for an invalid one),
/// adds the configured latency and logs the request with its request id.
/// </summary>
internal sealed class RequestContextMiddleware(
    RequestDelegate next, EmulatorOptions options, TimeProvider timeProvider, ILogger<RequestContextMiddleware> logger)
{
    public const string RequestIdHeader = "Zuora-Request-Id";
    public const string TrackIdHeader = "Zuora-Track-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers[RequestIdHeader] = requestId;
        context.Items[RequestIdHeader] = requestId;

        try
        {
            if (options.Latency > TimeSpan.Zero)
            {
                await Task.Delay(options.Latency, timeProvider, context.RequestAborted);
            }

            var trackId = context.Request.Headers[TrackIdHeader].FirstOrDefault();
            if (trackId is not null && !IsValidTrackId(trackId))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await ApiAnswer.BadRequest(ErrorCodes.InvalidRequest,
                    "Zuora-Track-Id must be at most 64 US-ASCII characters without : ; \" or '.")
                    .ToResult().ExecuteAsync(context);
                return;
            }

            if (trackId is not null)
            {
                context.Response.Headers[TrackIdHeader] = trackId;
            }

            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                Log.RequestHandled(logger, context.Request.Method, context.Request.Path.Value ?? "/",
                    context.Response.StatusCode, elapsed, requestId);
            }
        }
    }

    private static bool IsValidTrackId(string value) =>
        value.Length <= 64 && value.All(c => c is >= ' ' and <= '~' and not (':' or ';' or '"' or '\''));
}
