using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

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
