namespace RubricEngine.Checks.Latex;

internal sealed record PowerNode(MathNode Base, MathNode Exponent) : MathNode;
