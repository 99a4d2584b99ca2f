using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>
/// Where a custom rule registers its callbacks, like Roslyn's <c>AnalysisContext</c>. The registration runs once
/// when the rubric loads; the callbacks run for every trace, in parallel, so they must not share mutable state.
/// </summary>
public sealed class RuleContext
{
    private readonly RuleActions _actions;

    internal RuleContext(RuleDescriptor rule, RuleActions actions)
    {
        Rule = rule;
        _actions = actions;
    }

    /// <summary>The rule being registered.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>Calls <paramref name="action"/> once per trace.</summary>
    public void RegisterTraceAction(Action<TraceContext> action) => _actions.TraceActions.Add(action);

    /// <summary>Calls <paramref name="action"/> once per assistant message.</summary>
    public void RegisterMessageAction(Action<MessageContext> action) => _actions.MessageActions.Add(action);

    /// <summary>Calls <paramref name="action"/> once per answer (every attempt at every question).</summary>
    public void RegisterAnswerAction(Action<AnswerContext> action) => _actions.AnswerActions.Add(action);
}
