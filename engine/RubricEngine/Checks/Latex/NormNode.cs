namespace RubricEngine.Checks.Latex;

/// <summary><c>\|X\|_F</c> (Kind "F"), <c>\|x\|</c> (Kind ""), <c>|x|</c> (Kind "abs").</summary>
internal sealed record NormNode(MathNode Operand, string Kind) : MathNode;
