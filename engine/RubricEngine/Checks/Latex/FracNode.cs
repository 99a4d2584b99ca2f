namespace RubricEngine.Checks.Latex;

internal sealed record FracNode(MathNode Numerator, MathNode Denominator) : MathNode;
