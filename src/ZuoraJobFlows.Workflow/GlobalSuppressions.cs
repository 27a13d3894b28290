using System.Diagnostics.CodeAnalysis;

// Zuora's own vocabulary names a custom object's API name "object"; the contracts (and summary.json) keep that name.
[assembly: SuppressMessage(
    "Naming",
    "CA1720:Identifier contains type name",
    Justification = "Zuora's vocabulary: 'Object' is the custom object name.")]
