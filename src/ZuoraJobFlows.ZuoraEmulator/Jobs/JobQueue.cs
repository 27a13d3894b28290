using System.Threading.Channels;

namespace ZuoraJobFlows.ZuoraEmulator.Jobs;

/// <summary>Hands work from the endpoints to the background processor.</summary>
internal sealed class JobQueue
{
    private readonly Channel<JobWork> _channel = Channel.CreateUnbounded<JobWork>(
        new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<JobWork> Reader => _channel.Reader;

    public void Enqueue(JobWork work) => _channel.Writer.TryWrite(work);
}
