using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>The context of a message callback.</summary>
public sealed class MessageContext : ReportingContext
{
    internal MessageContext(RuleDescriptor rule, TraceAnalysis analysis, List<Finding> findings, Message message)
        : base(rule, analysis, findings) => Message = message;

    /// <summary>The assistant message.</summary>
    public Message Message { get; }
}
