using RubricEngine.Configuration;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Configuration;

public sealed class RubricConfigTests
{
    private static RubricDefinition Rubric()
    {
        var globals = new RubricGlobals(Path.GetTempPath());
        globals.Rubric("Config", r => r
            .Rule(new RuleDescriptor("HW7-90", "Annotated", points: 1), ctx => { })
            .Question("1")
                .Criterion("HW7-03", "Grounded", points: 2).Custom(a => CheckResult.Fail("Invented."))
                .Criterion("HW7-04", "Short", points: 1).Custom(a => CheckResult.Fail("Too long.")));
        return globals.BuildRubric();
    }

    private static Trace OneAnswer() => new("t", null, new Student("s"), null, [],
        [new Message(0, Role.User, "Q", null, [], [], null), new Message(1, Role.Assistant, "An answer.", null, [], [], "1")]);

    [Test]
    public void Overrides_replace_severity_points_and_the_time_limit()
    {
        var config = RubricConfig.Parse("""
            # course staff overrides
            [*]
            rubric.HW7-04.severity = none   ; dropped this term
            rubric.hw7-03.points = 0.5
            rubric.HW7-90.severity = Error
            rubric.timeout = 10s
            """, ".rubricconfig");

        var applied = config.Apply(Rubric(), out var warnings);

        Assert.That(warnings, Is.Empty);
        Assert.That(config.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
        var rules = applied.Rules.ToDictionary(r => r.Id);
        Assert.That(rules["HW7-04"].Severity, Is.EqualTo(Severity.None));
        Assert.That(rules["HW7-03"].Points, Is.EqualTo(0.5));
        Assert.That(rules["HW7-03"].Severity, Is.EqualTo(Severity.Warning));
        Assert.That(rules["HW7-90"].Severity, Is.EqualTo(Severity.Error));
        Assert.That(applied.MaxPoints, Is.EqualTo(1.5));
        var grade = new Grader(applied).Grade(OneAnswer());
        Assert.That(grade.Criteria.Select(c => c.Rule.Id), Is.EquivalentTo(new[] { "HW7-03", "HW7-90" }), "a rule set to none is not graded");
        Assert.That(grade.Max, Is.EqualTo(1.5));
    }

    [Test]
    public void Unknown_keys_and_rule_ids_are_warnings_with_their_line()
    {
        var config = RubricConfig.Parse("rubric.HW7-99.points = 1\n\nrubric.colour = blue\n", "hw7/.rubricconfig");

        config.Apply(Rubric(), out var warnings);

        Assert.That(warnings, Is.EqualTo(new[]
        {
            "hw7/.rubricconfig(3): warning: unknown key 'rubric.colour' (known: rubric.<id>.severity, rubric.<id>.points, rubric.timeout)",
            "hw7/.rubricconfig(1): warning: the rubric has no rule 'HW7-99'",
        }));
    }

    [TestCase("rubric.HW7-04.severity = loud", "hw7/.rubricconfig(2): error: rubric.HW7-04.severity: 'loud' is not a severity (use none, info, warning or error)")]
    [TestCase("rubric.HW7-04.points = half", "hw7/.rubricconfig(2): error: rubric.HW7-04.points: 'half' is not a number of points (use e.g. 0.5)")]
    [TestCase("rubric.timeout = forever", "hw7/.rubricconfig(2): error: rubric.timeout: 'forever' is not a duration (use e.g. 10s, 500ms, 2m)")]
    [TestCase("just words", "hw7/.rubricconfig(2): error: expected 'key = value', found 'just words'")]
    [TestCase("[*.csx", "hw7/.rubricconfig(2): error: section header '[*.csx' has no closing ']'")]
    public void Bad_values_are_errors_naming_file_and_line(string line, string message)
    {
        var e = Assert.Throws<RubricConfigException>(() => RubricConfig.Parse("# header\n" + line + "\n", "hw7/.rubricconfig"))!;

        Assert.That(e.Message, Is.EqualTo(message));
    }

    [Test]
    public void Sections_apply_only_to_matching_rubric_files()
    {
        const string text = """
            rubric.HW7-03.points = 3
            [*.{csx,txt}]
            rubric.HW7-04.points = 4
            [other*.csx]
            rubric.HW7-04.points = 9
            """;

        var config = RubricConfig.Parse(text, ".rubricconfig", "hw7.rubric.csx");

        Assert.That(config.Points["HW7-03"].Value, Is.EqualTo(3));
        Assert.That(config.Points["HW7-04"].Value, Is.EqualTo(4));
    }

    [TestCase("500ms", 0.5)]
    [TestCase("1.5 s", 1.5)]
    [TestCase("2m", 120)]
    [TestCase("7", 7)]
    public void Durations_read_with_units(string text, double seconds) =>
        Assert.That(RubricConfigParser.ParseDuration(text), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [Test]
    public void The_config_next_to_the_rubric_is_found_and_a_missing_one_is_empty()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rubricconfig-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var rubric = Path.Combine(folder, "hw7.rubric.csx");
            Assert.That(RubricConfig.LoadFor(rubric), Is.SameAs(RubricConfig.Empty));
            File.WriteAllText(Path.Combine(folder, ".rubricconfig"), "rubric.timeout = 2s\n");
            Assert.That(RubricConfig.LoadFor(rubric).Timeout, Is.EqualTo(TimeSpan.FromSeconds(2)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
