using RubricEngine.Grading;
using RubricEngine.Reports.Excel;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Reports;

/// <summary>Builds rules, grades and run info directly, without grading anything.</summary>
internal static class GradeBuilder
{
    public static readonly RuleDescriptor Derivation = new("HW7-01", "Derivation shown", severity: Severity.Error, points: 2);
    public static readonly RuleDescriptor Conditions = new("HW7-02", "Uses the conditions from (i)", severity: Severity.Error, points: 3);
    public static readonly RuleDescriptor Annotated = new("HW7-90", "Answers annotated", category: "Participation", points: 1);

    public static IReadOnlyList<GradebookRule> Rules { get; } =
    [
        new(Derivation, new QuestionPath("3.b.i")),
        new(Conditions, new QuestionPath("3.b.ii")),
        new(Annotated, null),
    ];

    public static CriterionResult Full(RuleDescriptor rule, string? question = null) =>
        new(rule, question is null ? null : new QuestionPath(question), rule.Points, "") { Attempts = 1, AttemptUsed = 1, RepromptsBeforePass = 0 };

    public static CriterionResult Lost(RuleDescriptor rule, double points, string comment, string? question = null, params Finding[] findings) =>
        new(rule, question is null ? null : new QuestionPath(question), points, comment) { Attempts = 1, AttemptUsed = 1, Findings = findings };

    public static CriterionResult Error(RuleDescriptor rule, string reason) =>
        new(rule, null, 0, $"This criterion could not be graded automatically ({reason}); course staff will grade it by hand.") { IsError = true };

    public static Finding Finding(RuleDescriptor rule, string message, double lost, string question = "3.b.i", int attempt = 1, bool graded = true,
        string? excerpt = null, string? suppression = null, string file = "traces/x.json", int messageIndex = 3) =>
        new(rule.Id, rule.Severity, message, new Location(file, messageIndex, new TextSpan(10, 5), new LinePosition(2, 7), new LinePosition(2, 12)))
        {
            PointsLost = lost,
            Question = new QuestionPath(question),
            Attempt = attempt,
            IsGradedAttempt = graded,
            Excerpt = excerpt,
            Suppression = suppression,
        };

    public static TraceGrade Grade(string id, string? name, string? email, params CriterionResult[] criteria) =>
        new($"trace-{id}", $"traces/{id}.json", new Student(id, name, email), "hw7", "gpt-x", criteria);

    public static RunInfo Run(params TraceError[] errors) => new(
        "rubrics/hw7/hw7.rubric.csx", "CS182 HW7", new string('a', 64), "0.1.0",
        new DateTimeOffset(2026, 11, 29, 9, 15, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 29, 9, 15, 42, TimeSpan.Zero),
        3, errors, new Dictionary<string, string> { ["attempt"] = "best", ["jobs"] = "2" });

    /// <summary>Three students: all full marks; lost points with findings; a hostile name and an error.</summary>
    public static IReadOnlyList<TraceGrade> Sample() =>
    [
        Grade("s1", "Ana Lima", "ana@uni.edu", Full(Derivation, "3.b.i"), Full(Conditions, "3.b.ii"), Full(Annotated)),
        Grade("s2", "Bo Chen", "bo@uni.edu",
            Lost(Derivation, 1, "Only two steps shown; the trace expansion is missing.", "3.b.i",
                Finding(Derivation, "Only two steps", 1, excerpt: "=SUM(A1)", attempt: 2),
                Finding(Derivation, "First attempt skipped steps", 0, attempt: 1, graded: false, suppression: "TA: fine")),
            Full(Conditions, "3.b.ii"),
            Lost(Annotated, 0, "No annotations.")),
        Grade("s3", "=HYPERLINK(\"http://x\",\"y\")", "+1", Full(Derivation, "3.b.i"), Error(Conditions, "timed out"), Full(Annotated)),
    ];

    /// <summary><see cref="Sample"/> with s3's criterion that was not graded graded as 0 instead: every total complete.</summary>
    public static IReadOnlyList<TraceGrade> FullyGradedSample() =>
        Sample().Select(g => g with
        {
            Criteria = g.Criteria.Select(c => c.IsError ? Lost(c.Rule, 0, "No conditions used.", "3.b.ii") : c).ToList(),
        }).ToList();

    public static string TempPath(string extension) =>
        Path.Combine(Path.GetTempPath(), "rubric-tests", Guid.NewGuid().ToString("N") + extension);
}
