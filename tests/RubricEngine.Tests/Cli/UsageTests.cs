namespace RubricEngine.Tests.Cli;

/// <summary><c>--help</c> for every verb, and usage errors: exit 2, a message, never a stack trace.</summary>
public sealed class UsageTests
{
    [TestCase("grade", "--output", "--csv", "--csv-format", "--roster", "--sarif", "--feedback", "--into", "--overrides", "--students", "--threads", "--fail-on", "--verbosity")]
    [TestCase("show", "--rubric", "--json")]
    [TestCase("import", "--output", "--student-pattern", "--students")]
    [TestCase("check")]
    [TestCase("test")]
    [TestCase("new")]
    [TestCase("explain", "--rubric")]
    public async Task Help_for_a_verb_lists_its_options(string verb, params string[] options)
    {
        var result = await CliRun.Rubric(verb, "--help");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Console, Does.Contain("USAGE:").And.Contain("rubric " + verb));
        Assert.That(result.Console, Does.Contain("--help"));
        foreach (var option in options) Assert.That(result.Console, Does.Contain(option), $"{verb} --help lacks {option}");
    }

    [Test]
    public async Task Help_lists_every_verb()
    {
        var result = await CliRun.Rubric("--help");

        Assert.That(result.ExitCode, Is.EqualTo(0));
        foreach (var verb in new[] { "grade", "show", "import", "check", "test", "new", "explain" })
            Assert.That(result.Console, Does.Contain(verb));
    }

    [Test]
    public async Task Version_prints_the_engine_version_and_exits_0()
    {
        var result = await CliRun.Rubric("--version");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.All.Trim(), Is.EqualTo(RubricEngine.Cli.Services.EngineInfo.Version), result.ToString());
        Assert.That(RubricEngine.Cli.Services.EngineInfo.Version, Does.Match(@"^\d+\.\d+\.\d+"));
    }

    [Test]
    public async Task An_unknown_verb_exits_2_with_a_message_and_no_stack_trace()
    {
        var result = await CliRun.Rubric("grde", "x.csx", "traces");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("error:").And.Contain("grde"));
        Assert.That(CliRun.HasStackTrace(result.All), Is.False, result.ToString());
    }

    [Test]
    public async Task An_unknown_option_exits_2_with_a_message_and_no_stack_trace()
    {
        var output = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xlsx");
        var result = await CliRun.Rubric("grade", Hw7Example.RubricPath, Hw7Example.Traces, "-o", output, "--colour");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("error:").And.Contain("colour"));
        Assert.That(CliRun.HasStackTrace(result.All), Is.False, result.ToString());
        Assert.That(File.Exists(output), Is.False, "nothing is graded");
    }

    [TestCase(new[] { "grade", "r.csx", "traces" }, "Say where grades go")]
    [TestCase(new[] { "grade", "r.csx", "traces", "-o", "grades.csv" }, "-o must name an .xlsx file")]
    [TestCase(new[] { "grade", "r.csx", "traces", "--csv", "g.csv", "--csv-format", "sakai" }, "--csv-format must be")]
    [TestCase(new[] { "grade", "r.csx", "traces", "--csv", "g.csv", "--fail-on", "info" }, "--fail-on must be")]
    [TestCase(new[] { "import", "chatgpt", "in.json" }, "Say where to write")]
    public async Task Invalid_option_values_exit_2_with_the_reason(string[] args, string message)
    {
        var result = await CliRun.Rubric(args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain(message));
        Assert.That(CliRun.HasStackTrace(result.All), Is.False, result.ToString());
    }

    [Test]
    public async Task A_missing_rubric_file_exits_2_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "nope.rubric.csx");
        var result = await CliRun.Rubric("check", missing);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("nope.rubric.csx: error: the rubric file was not found."));
    }
}
