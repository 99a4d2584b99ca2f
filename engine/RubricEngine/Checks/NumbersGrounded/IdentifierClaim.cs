using System.Runtime.CompilerServices;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Checks;

/// <summary>A name with digits in an answer ("V100", "ResNet-18") or a year, and whether the grounding texts hold it.</summary>
public sealed record IdentifierClaim(string Text, TextSpan Span, bool Grounded);
