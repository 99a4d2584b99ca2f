using RubricEngine.Rubrics;

namespace RubricEngine.Grading;

/// <summary>
/// Runs rubric code (a check, a custom rule's callback) so that its failure stays its own: an exception, a time
/// limit or a stack too deep becomes an error for that rule and trace, never for the run.
/// </summary>
internal interface IRuleRunner
{
    /// <summary>Runs <paramref name="body"/>; on failure returns false with a sentence saying what went wrong.</summary>
    bool TryRun<T>(RuleDescriptor rule, Func<T> body, out T? result, out string? error);

    /// <summary>
    /// Runs one unit of grading work (one trace), inside which rule bodies are run with
    /// <see cref="TryRun{T}"/>. A runner that supervises rules on other threads hands the whole unit over once
    /// here instead of once per rule; exceptions of <paramref name="work"/> itself propagate to the caller.
    /// </summary>
    T Supervise<T>(Func<T> work);
}
