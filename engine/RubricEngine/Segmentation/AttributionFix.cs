using System.Globalization;
using RubricEngine.Documents;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Segmentation;

/// <summary>A TA's correction of one message's attribution (<c>--attribution</c>): <see cref="Question"/> null means none.</summary>
public sealed record AttributionFix(int Message, QuestionPath? Question);
