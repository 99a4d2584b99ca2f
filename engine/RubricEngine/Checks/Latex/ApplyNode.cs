namespace RubricEngine.Checks.Latex;

/// <summary>A function or operator applied to an argument: <c>tr</c>, <c>log</c>, <c>\nabla_{W_{1}}</c>, <c>\sqrt</c>.</summary>
internal sealed record ApplyNode(string Function, MathNode Argument) : MathNode;
