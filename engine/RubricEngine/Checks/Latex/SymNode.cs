namespace RubricEngine.Checks.Latex;

/// <summary>A variable with its canonical subscript: <c>W_{1}</c>, <c>U_{k}</c>, <c>\Lambda_{k}</c>, <c>\hat{X}</c>.</summary>
internal sealed record SymNode(string Name) : MathNode;
