namespace RubricEngine.Checks.Latex;

internal sealed record NumNode(double Value) : MathNode;
