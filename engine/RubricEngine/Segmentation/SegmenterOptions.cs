using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Segmentation;

/// <summary>What the segmenter knows from the rubric: the questions and the names problems go by.</summary>
public sealed record SegmenterOptions
{
    /// <summary>The questions the rubric grades; answers are attributed to the closest of these.</summary>
    public IReadOnlyList<QuestionPath> Questions { get; init; } = [];

    /// <summary>Titles a question is known by ("Machine Translation" → mt), matched case-insensitively.</summary>
    public IReadOnlyDictionary<string, QuestionPath> Aliases { get; init; } = new Dictionary<string, QuestionPath>();

    /// <summary>Each question's title ("First-order optimality conditions"), matched word by word in prompts and headings.</summary>
    public IReadOnlyDictionary<QuestionPath, string> Titles { get; init; } = new Dictionary<QuestionPath, string>();

    /// <summary>Each question's text as the homework states it, matched against text a student pastes into a prompt.</summary>
    public IReadOnlyDictionary<QuestionPath, string> Statements { get; init; } = new Dictionary<QuestionPath, string>();
}
