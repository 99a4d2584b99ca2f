namespace RubricEngine.Checks.Latex;

/// <summary>
/// The small expression tree the parser builds. Lists are plain arrays: nodes are compared through their
/// normal form (<see cref="Polynomial"/>), never structurally.
/// </summary>
internal abstract record MathNode;
