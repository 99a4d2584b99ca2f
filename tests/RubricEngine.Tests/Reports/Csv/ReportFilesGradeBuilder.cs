using RubricEngine.Grading;
using RubricEngine.Reports;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Reports;

/// <summary>
/// Builds <see cref="TraceGrade"/>s for the report-file tests without running the grader: every criterion starts at
/// full points; <see cref="Lose"/> and <see cref="Finding"/> take points away with the evidence behind them.
/// </summary>
internal sealed class ReportFilesGradeBuilder
{
    private readonly RubricDefinition _rubric;
    private readonly Student _student;
    private readonly Dictionary<string, (double Points, string Comment)> _points = new();
    private readonly Dictionary<string, List<Finding>> _findings = new();
    private string _file;

    public ReportFilesGradeBuilder(RubricDefinition rubric, string id, string? name = null, string? email = null)
    {
        _rubric = rubric;
        _student = new Student(id, name, email);
        _file = $"traces/{id}.json";
    }

    /// <summary>A small hw7-like rubric: four criteria on three questions and one trace-wide custom rule.</summary>
    public static RubricDefinition Rubric() => new(
        "CS182 HW7",
        Attempt.First,
        [],
        [
            new QuestionDefinition("3.b.i", "First-order optimality conditions", []),
            new QuestionDefinition("4.a", "Figures from the blog", []),
            new QuestionDefinition("4.b", "Summary in about 100 words", []),
        ],
        [
            new CriterionDefinition(new RuleDescriptor("HW7-01", "Derivation shown", category: "Correctness", severity: Severity.Error, points: 2, helpLink: "https://example.edu/rules/HW7-01"), "3.b.i", NoCheck.Instance),
            new CriterionDefinition(new RuleDescriptor("HW7-03", "Numbers grounded in the blog", points: 2), "4.a", NoCheck.Instance),
            new CriterionDefinition(new RuleDescriptor("HW7-04", "About 100 words", points: 1.5), "4.b", NoCheck.Instance),
            new CriterionDefinition(new RuleDescriptor("HW7-05", "Disabled", points: 3, isEnabledByDefault: false), "4.b", NoCheck.Instance),
        ],
        [new CustomRuleDefinition(new RuleDescriptor("HW7-90", "Answers annotated", category: "Participation", points: 1), new RuleActions())]);

    public static ReportContext Context(RubricDefinition? rubric = null) =>
        new(rubric ?? Rubric(), "0.1.0", new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero));

    public static RunInfo Run(int graded, params TraceError[] errors) => new(
        "rubrics/hw7/hw7.rubric.csx", "CS182 HW7", "abc123", "0.1.0",
        new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 29, 23, 1, 30, TimeSpan.Zero),
        graded, errors, new Dictionary<string, string>());

    public ReportFilesGradeBuilder File(string file)
    {
        _file = file;
        return this;
    }

    /// <summary>Sets <paramref name="ruleId"/>'s points and comment.</summary>
    public ReportFilesGradeBuilder Lose(string ruleId, double points, string comment)
    {
        var rule = RuleOf(ruleId);
        _points[ruleId] = (rule.Points - points, comment);
        return this;
    }

    /// <summary>Adds a finding in message <paramref name="message"/> at line:column of its content.</summary>
    public ReportFilesGradeBuilder Finding(string ruleId, string text, int message = 3, int line = 12, int column = 5,
        string? excerpt = null, double pointsLost = 0, Severity? severity = null, int attempt = 1, bool graded = true, bool located = true)
    {
        var rule = RuleOf(ruleId);
        var question = _rubric.Criteria.FirstOrDefault(c => c.Rule.Id == ruleId)?.Question;
        var location = located
            ? new Location(_file, message, new TextSpan(40, 8), new LinePosition(line, column), new LinePosition(line, column + 8))
            : null;
        var finding = new Finding(ruleId, severity ?? rule.Severity, text, location)
        {
            PointsLost = pointsLost,
            Question = question,
            Attempt = question is null ? null : attempt,
            IsGradedAttempt = graded,
            Excerpt = excerpt,
        };
        if (!_findings.TryGetValue(ruleId, out var list)) _findings[ruleId] = list = [];
        list.Add(finding);
        return this;
    }

    /// <summary>Adds a finding at <paramref name="location"/> (a span of a real message's content).</summary>
    public ReportFilesGradeBuilder FindingAt(string ruleId, string text, Location location)
    {
        var finding = new Finding(ruleId, RuleOf(ruleId).Severity, text, location)
        {
            Question = _rubric.Criteria.FirstOrDefault(c => c.Rule.Id == ruleId)?.Question,
        };
        if (!_findings.TryGetValue(ruleId, out var list)) _findings[ruleId] = list = [];
        list.Add(finding);
        return this;
    }

    public TraceGrade Build()
    {
        var criteria = new List<CriterionResult>();
        foreach (var c in _rubric.Criteria.Where(c => c.Rule.IsEnabledByDefault))
            criteria.Add(Result(c.Rule, c.Question));
        foreach (var r in _rubric.CustomRules) criteria.Add(Result(r.Rule, null));
        return new TraceGrade(_student.Id + "-trace", _file, _student, "hw7", "gpt-test", criteria);
    }

    private CriterionResult Result(RuleDescriptor rule, QuestionPath? question)
    {
        var (points, comment) = _points.TryGetValue(rule.Id, out var p) ? p : (rule.Points, "");
        return new CriterionResult(rule, question, points, comment)
        {
            AttemptUsed = question is null ? null : 1,
            Attempts = question is null ? 0 : 1,
            Findings = _findings.TryGetValue(rule.Id, out var f) ? f : [],
        };
    }

    private RuleDescriptor RuleOf(string id) => _rubric.Rules.Single(r => r.Id == id);

    private sealed class NoCheck : ICheck
    {
        public static NoCheck Instance { get; } = new();

        public CheckResult Evaluate(Answer answer) => CheckResult.Pass();

        public string Describe() => "none";
    }
}

/// <summary>Temporary folders for file-writing tests, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rubric-reports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
