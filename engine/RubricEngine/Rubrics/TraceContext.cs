using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>The context of a trace callback.</summary>
public sealed class TraceContext : ReportingContext
{
    internal TraceContext(RuleDescriptor rule, TraceAnalysis analysis, List<Finding> findings)
        : base(rule, analysis, findings) { }
}
