using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ZuoraJobFlows.Zuora.Tests.Support;

/// <summary>
/// A bare HTTP/1.1 server on a loopback port, for wire behaviour a stub handler cannot show: it answers the token
/// call itself and hands every other request's head to <see cref="OnRequest"/>, which decides what reaches the
/// socket (an early answer, a dropped connection) and whether the body is ever read.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private const string TokenJson = """{"access_token":"t-1","token_type":"bearer","expires_in":3600}""";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _gate = new();
    private readonly Task _acceptLoop;

    public RawHttpServer(Func<RawRequest, Task> onRequest)
    {
        OnRequest = onRequest;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public Func<RawRequest, Task> OnRequest { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                connection.Dispose();
            }
        }

        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException
                or ObjectDisposedException)
            {
                return;
            }

            lock (_gate)
            {
                _connections.Add(connection);
            }

            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        try
        {
            var stream = connection.GetStream();
            while (await ReadHeadAsync(stream) is { } head)
            {
                var request = new RawRequest(connection, stream, head);
                if (request.Path == "/oauth/token")
                {
                    await request.ReadBodyAsync(request.ContentLength ?? 0);
                    await request.AnswerAsync(200, "OK", TokenJson);
                    continue;
                }

                await OnRequest(request);
                return;
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            // The client went away; nothing left to serve.
        }
    }

    /// <summary>Reads up to the blank line ending the head, byte by byte so no body byte is consumed.</summary>
    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}

/// <summary>
/// One request as <see cref="RawHttpServer"/> received it: the head only, the body still on the wire.
/// </summary>
public sealed class RawRequest(TcpClient connection, NetworkStream stream, string head)
{
    public string Head { get; } = head;

    public string Path => Head.Split(' ', 3)[1];

    public bool ExpectsContinue => Head.Contains("Expect: 100-continue", StringComparison.OrdinalIgnoreCase);

    public long? ContentLength
    {
        get
        {
            var line = Head.Split("\r\n").FirstOrDefault(
                l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
            return line is null ? null : long.Parse(line["Content-Length:".Length..].Trim(),
                System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Reads at least <paramref name="bytes"/> bytes of the body (or until the client stops sending).
    /// </summary>
    public async Task<long> ReadBodyAsync(long bytes)
    {
        var buffer = new byte[64 * 1024];
        long total = 0;
        while (total < bytes)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, bytes - total)));
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    public async Task AnswerAsync(int status, string reason, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var answer = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {body.Length}\r\nZuora-Request-Id: raw-{status}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    public async Task ContinueAsync()
    {
        await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray());
        await stream.FlushAsync();
    }

    /// <summary>Drops the connection with a reset, as a front end or load balancer losing it does.</summary>
    public void Reset()
    {
        connection.Client.LingerState = new LingerOption(true, 0);
        connection.Client.Close();
    }
}
