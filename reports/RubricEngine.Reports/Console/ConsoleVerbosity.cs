// Not "…Reports.Console": that namespace would shadow System.Console for all of RubricEngine.Reports.
namespace RubricEngine.Reports.ConsoleOutput;

/// <summary>Which findings the console shows.</summary>
public enum ConsoleVerbosity
{
    /// <summary>Errors only.</summary>
    Quiet,

    /// <summary>Warnings and errors.</summary>
    Normal,

    /// <summary>Everything, info and waived (suppressed) findings included.</summary>
    Detailed,
}
