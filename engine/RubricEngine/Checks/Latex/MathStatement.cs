namespace RubricEngine.Checks.Latex;

/// <summary>
/// One statement of a formula: sides joined by relations (<c>a = b = c</c>, <c>a \Rightarrow b</c>), or a single
/// expression. <see cref="Tag"/> is its <c>\tag{…}</c> label.
/// </summary>
internal sealed record MathStatement(MathNode[] Sides, string[] Relations, string? Tag);
