using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Segmentation;

/// <summary>How sure an attribution is: low ones are worth a TA's look (<c>rubric show --uncertain</c>).</summary>
public enum AttributionConfidence
{
    /// <summary>A marker, a title, a statement or the trace itself names the question.</summary>
    High,

    /// <summary>Only continuity or weak evidence (a word overlap, a reference in prose) points at the question.</summary>
    Low,
}
