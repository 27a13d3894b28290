using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace ZuoraJobFlows.ZuoraEmulator.State;

/// <summary>Issued bearer tokens and when they expire.</summary>
internal sealed class TokenStore(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private int _issued;

    public int Issued => Volatile.Read(ref _issued);

    public string Issue(TimeSpan lifetime)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var expired in _tokens.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
        {
            _tokens.TryRemove(expired, out _);
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _tokens[token] = now + lifetime;
        Interlocked.Increment(ref _issued);
        return token;
    }

    public bool IsValid(string token) =>
        _tokens.TryGetValue(token, out var expires) && expires > timeProvider.GetUtcNow();
}
