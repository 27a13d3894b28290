namespace ZuoraJobFlows.ZuoraEmulator.Definitions;

/// <summary>A definition the emulator refuses, with a message fit for the 400 answer.</summary>
public sealed class DefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DefinitionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
