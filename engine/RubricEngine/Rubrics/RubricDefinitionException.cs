namespace RubricEngine.Rubrics;

/// <summary>
/// The rubric is wrong in a way its author must fix (a missing source, a duplicate id, a criterion without a
/// check). <see cref="DeclaredAt"/> is the script line the mistake is on, when the engine knows it.
/// </summary>
public sealed class RubricDefinitionException(string message, ScriptLine? declaredAt = null) : Exception(message)
{
    /// <summary>The script line of the declaration at fault, or null when unknown.</summary>
    public ScriptLine? DeclaredAt { get; } = declaredAt;
}
