using System.Globalization;
using RubricEngine.Documents;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Segmentation;

/// <summary>One conversation's state while it is segmented: what is under discussion and what came before.</summary>
internal sealed class Conversation
{
    public List<AnswerSegment> Answers { get; } = [];

    /// <summary>Replies that declined the question their prompt asked.</summary>
    public List<DeclinedReply> Declined { get; } = [];

    public Dictionary<QuestionPath, int> Attempts { get; } = new();

    /// <summary>Problem numbers a heading gave a named problem ("Problem 7: Machine Translation" → 7 = mt).</summary>
    public Dictionary<string, string> Renumbered { get; } = new(StringComparer.Ordinal);

    /// <summary>Headings replies gave questions, matched like titles in later prompts.</summary>
    public TitleIndex.Learned Titles { get; } = new();

    /// <summary>The last question answered in each problem, least recently discussed first.</summary>
    public List<QuestionPath> Recent { get; } = [];

    public QuestionPath? Discussion { get; set; }

    /// <summary>The text of the last reply that answered something (a side question reuses its words).</summary>
    public string? LastAnswer { get; set; }

    /// <summary>The last answering reply was a follow-up to a user's side request (plot code, a summary), not a continuation.</summary>
    public bool AnsweredSideRequest { get; set; }

    /// <summary>The text of the last reply that gave an answer (not a follow-up).</summary>
    public string? LastAttempt { get; set; }

    /// <summary>The message index of the last reply that answered something.</summary>
    public int LastAnswered { get; private set; } = -1;

    /// <summary>True when <paramref name="q"/> is (or holds, or lies within) the question under discussion or one the last answering reply answered.</summary>
    public bool IsCurrent(QuestionPath q)
    {
        static bool Related(QuestionPath a, QuestionPath b) => a.IsWithin(b) || b.IsWithin(a);
        if (Discussion is { } d && Related(q, d)) return true;
        for (var i = Answers.Count - 1; i >= 0 && Answers[i].MessageIndex == LastAnswered; i--)
            if (Related(q, Answers[i].Question)) return true;
        return false;
    }

    public void Discussed(QuestionPath question, int message)
    {
        LastAnswered = message;
        for (var i = 0; i < Recent.Count; i++)
        {
            if (Recent[i].Problem != question.Problem) continue;
            Recent.RemoveAt(i);
            break;
        }
        Recent.Add(question);
    }
}
