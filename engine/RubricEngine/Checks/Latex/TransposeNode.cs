namespace RubricEngine.Checks.Latex;

internal sealed record TransposeNode(MathNode Operand) : MathNode;
