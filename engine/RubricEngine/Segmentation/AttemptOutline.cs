using RubricEngine.Documents;

namespace RubricEngine.Segmentation;

/// <summary>One attempt as <c>rubric show</c> lists it. Lines are 1-based lines of the message content.</summary>
public sealed record AttemptOutline(int Attempt, int MessageIndex, int StartLine, int EndLine, string FirstWords)
{
    /// <summary>How many blocks of the reply restate this answer (a closing summary table).</summary>
    public int Restatements { get; init; }

    /// <summary>True when the message follows up on attempt <see cref="Attempt"/> rather than answering anew.</summary>
    public bool FollowUp { get; init; }

    /// <summary>How sure the attribution is.</summary>
    public AttributionConfidence Confidence { get; init; }

    /// <summary>The evidence the attribution stands on.</summary>
    public string Reason { get; init; } = "";
}
