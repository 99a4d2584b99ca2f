using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>Why a reply is not an answer at all, and where that shows.</summary>
/// <param name="Reason">"it declines to answer (“I can't browse the web …”)", "it is empty".</param>
/// <param name="Span">The refusal, or the reply's first block.</param>
public sealed record NonAnswerFinding(string Reason, TextSpan Span);
