using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ZuoraJobFlows.Local.Tests;

/// <summary>Sends the runner's warnings to the test output, so a failing test shows what the runner saw.</summary>
internal sealed class TestLoggerProvider(ITestOutputHelper output) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new TestLogger(output, categoryName);

    public void Dispose()
    {
    }

    private sealed class TestLogger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            try
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}"
                    + (exception is null ? "" : $"\n{exception}"));
            }
            catch (InvalidOperationException)
            {
                // The test has already finished; background work may still log while the host stops.
            }
        }
    }
}
