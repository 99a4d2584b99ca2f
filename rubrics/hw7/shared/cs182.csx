// Shared rules for every CS182 homework rubric: #load it from a homework's rubric.
using RubricEngine.Rubrics;

/// <summary>Every graded answer should carry at least one student annotation (the course's reflection policy).</summary>
static RuleDescriptor AnswersAnnotated(string id) => new(
    id, "Answers annotated", "{0} of {1} answers carry no annotation",
    category: "Participation", severity: Severity.Warning, points: 1);

/// <summary>Reports the assistant answers the student did not annotate.</summary>
static void RequireAnnotations(RuleContext ctx) => ctx.RegisterTraceAction(t =>
{
    var answered = t.Answers.GroupBy(a => a.Message.Index).Select(g => g.First()).ToList();
    var missing = answered.Where(a => a.Message.Annotations.Count == 0).ToList();
    // Point at the first unannotated answer's opening block: where the student should have commented.
    if (missing.Count > 0) t.Report(t.LocationOf(missing[0].Message.Index, missing[0].Blocks[0].Span), missing.Count, answered.Count);
});
