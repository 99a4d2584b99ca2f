using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>The callbacks a custom rule registered.</summary>
public sealed class RuleActions
{
    internal List<Action<TraceContext>> TraceActions { get; } = [];
    internal List<Action<MessageContext>> MessageActions { get; } = [];
    internal List<Action<AnswerContext>> AnswerActions { get; } = [];

    public int Count => TraceActions.Count + MessageActions.Count + AnswerActions.Count;
}
