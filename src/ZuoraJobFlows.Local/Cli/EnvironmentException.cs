namespace ZuoraJobFlows.Local.Cli;

/// <summary>Something the command needs is missing or unreachable; the message names it and how to fix it.</summary>
internal sealed class EnvironmentException(string message, Exception? innerException = null)
    : Exception(message, innerException);
