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

/// <summary>The callbacks a custom rule registered.</summary>
public sealed class RuleActions
{
    internal List<Action<TraceContext>> TraceActions { get; } = [];
    internal List<Action<MessageContext>> MessageActions { get; } = [];
    internal List<Action<AnswerContext>> AnswerActions { get; } = [];

    public int Count => TraceActions.Count + MessageActions.Count + AnswerActions.Count;
}

/// <summary>What a rule callback reports to; one per rule and trace.</summary>
public abstract class ReportingContext
{
    private readonly List<Finding> _findings;

    private protected ReportingContext(RuleDescriptor rule, TraceAnalysis analysis, List<Finding> findings)
    {
        Rule = rule;
        Analysis = analysis;
        _findings = findings;
    }

    /// <summary>The rule whose callback this is.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>The trace with its parsed messages and answers.</summary>
    public TraceAnalysis Analysis { get; }

    /// <summary>The trace being graded.</summary>
    public Trace Trace => Analysis.Trace;

    /// <summary>Every answer of the trace.</summary>
    public IReadOnlyList<Answer> Answers => Analysis.Answers;

    /// <summary>
    /// Reports a finding at <paramref name="location"/> with the rule's message formatted with <paramref name="args"/>.
    /// A reported finding costs the rule's points unless its severity is Info.
    /// </summary>
    public void Report(Location? location, params object?[] args) =>
        _findings.Add(Describe(new Finding(Rule.Id, Rule.Severity, Rule.FormatMessage(args), location)));

    /// <summary>Adds what the context knows to a reported finding (an answer's question and attempt).</summary>
    private protected virtual Finding Describe(Finding finding) => finding;

    /// <summary>The location of a whole message.</summary>
    public Location LocationOf(Message message) =>
        Analysis.LocationOf(message.Index, new TextSpan(0, message.Content.Length));

    /// <summary>The location of <paramref name="span"/> in message <paramref name="messageIndex"/>.</summary>
    public Location LocationOf(int messageIndex, TextSpan span) => Analysis.LocationOf(messageIndex, span);

    /// <summary>The location of a whole answer.</summary>
    public Location LocationOf(Answer answer) => answer.LocationOf(answer.Span);
}

/// <summary>The context of a trace callback.</summary>
public sealed class TraceContext : ReportingContext
{
    internal TraceContext(RuleDescriptor rule, TraceAnalysis analysis, List<Finding> findings)
        : base(rule, analysis, findings) { }
}

/// <summary>The context of a message callback.</summary>
public sealed class MessageContext : ReportingContext
{
    internal MessageContext(RuleDescriptor rule, TraceAnalysis analysis, List<Finding> findings, Message message)
        : base(rule, analysis, findings) => Message = message;

    /// <summary>The assistant message.</summary>
    public Message Message { get; }
}

/// <summary>The context of an answer callback.</summary>
public sealed class AnswerContext : ReportingContext
{
    internal AnswerContext(RuleDescriptor rule, TraceAnalysis analysis, List<Finding> findings, Answer answer)
        : base(rule, analysis, findings) => Answer = answer;

    /// <summary>The answer.</summary>
    public Answer Answer { get; }

    /// <summary>The question it answers.</summary>
    public QuestionPath Question => Answer.Question;

    /// <summary>True when this attempt's points count (see <see cref="Rubrics.Answer.IsGradedAttempt"/>); findings on other attempts cost nothing.</summary>
    public bool IsGradedAttempt => Answer.IsGradedAttempt;

    private protected override Finding Describe(Finding finding) => finding with
    {
        Question = Answer.Question,
        Attempt = Answer.Attempt,
        IsGradedAttempt = Answer.IsGradedAttempt,
    };
}
