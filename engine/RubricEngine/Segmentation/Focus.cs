using System.Globalization;
using RubricEngine.Documents;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Segmentation;

/// <summary>What a reply starts from: the question its prompt (or a fix, the export, its own lead) names, and why.</summary>
/// <param name="Question">The question (a problem when several of its parts may follow; null: none).</param>
/// <param name="Decided">True when evidence named the question (or none); false for continuity.</param>
/// <param name="Confidence">How sure the evidence is.</param>
/// <param name="Reason">The evidence, in words a TA reads.</param>
/// <param name="AsksAgain">The prompt asks for the question again: a re-answer is a new attempt.</param>
/// <param name="SideQuestion">The prompt is a side question naming nothing: a short re-answer is a follow-up.</param>
internal readonly record struct Focus(QuestionPath? Question, bool Decided, AttributionConfidence Confidence, string Reason, bool AsksAgain, bool SideQuestion)
{
    /// <summary>The prompt asks for no answer yet: the reply answers nothing.</summary>
    public bool NoAnswer { get; init; }

    /// <summary>The prompt is only an image of the question: the reply's own words decide.</summary>
    public bool ImageOnly { get; init; }

    /// <summary>The prompt asks for a list or overview of the homework.</summary>
    public bool ListRequest { get; init; }

    /// <summary>The question under discussion when the prompt first asks about its answer ("How confident are you? Then …").</summary>
    public QuestionPath? SideOf { get; init; }

    public static Focus Named(QuestionPath? question, AttributionConfidence confidence, string reason) =>
        new(question, true, confidence, reason, true, false);
}
