namespace RubricEngine.Tests.Reliability;

/// <summary>
/// The documented exit codes of <c>rubric grade</c>: 0 all graded, 1 some traces (or criteria) could not be graded
/// or <c>--fail-on</c> tripped, 2 usage or rubric error — each with a message that says what to fix, no stack trace.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
public sealed class ExitCodeTests
{
    private const string Rubric = """
        static RuleDescriptor Warn = new("E-90", "No warn word", "the answer says warn", category: "Style", severity: Severity.Warning, points: 0);
        static RuleDescriptor Err = new("E-91", "No err word", "the answer says err", category: "Style", severity: Severity.Error, points: 0);

        Rubric("Exit codes", r =>
        {
            r.Question("1", "Anything")
             .Criterion("E-01", "Says ok", points: 1)
             .Custom(a => a.Text.Contains("ok") ? Pass() : Fail("The answer does not say ok."));
            r.Rule(Warn, ctx => ctx.RegisterTraceAction(t =>
            {
                var m = t.Answers.Select(a => a.Message).FirstOrDefault(x => x.Content.Contains("warn"));
                if (m is not null) t.Report(t.LocationOf(m));
            }));
            r.Rule(Err, ctx => ctx.RegisterTraceAction(t =>
            {
                var m = t.Answers.Select(a => a.Message).FirstOrDefault(x => x.Content.Contains("err"));
                if (m is not null) t.Report(t.LocationOf(m));
            }));
        });
        """;

    private TempFolder _temp = null!;

    [OneTimeSetUp]
    public void WriteRubric()
    {
        _temp = new TempFolder("rubric-exit");
        _temp.Write("exit.rubric.csx", Rubric);
        _temp.Write("broken.rubric.csx", "Rubric(\"Broken\", r => r.Question(\"1\") // missing parenthesis\n");
    }

    [OneTimeTearDown]
    public void CleanUp() => _temp?.Dispose();

    private string Traces(string name, params string[] answers)
    {
        var folder = _temp[name];
        Directory.CreateDirectory(folder);
        for (var i = 0; i < answers.Length; i++)
            _temp.Write($"{name}/t{i}.json", $$"""
                {"format":"rubric-trace/1","id":"{{name}}-{{i}}","student":{"id":"s{{i}}"},"messages":[
                  {"role":"user","question":"1","content":"Question 1"},
                  {"role":"assistant","question":"1","content":"{{answers[i]}}"}]}
                """);
        return folder;
    }

    private Task<CliResult> Grade(string traces, params string[] extra) =>
        CliRun.RunAsync(["grade", _temp["exit.rubric.csx"], traces, "--csv", _temp[$"{Path.GetFileName(traces)}-{Guid.NewGuid():N}.csv"], "--no-progress", .. extra]);

    [Test]
    public async Task All_graded_is_0()
    {
        var run = await Grade(Traces("fine", "ok", "ok too"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
    }

    [Test]
    public async Task Lost_points_alone_are_still_0()
    {
        var run = await Grade(Traces("lost", "no", "ok"));
        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
    }

    [Test]
    public async Task An_unreadable_trace_is_1_and_the_others_are_still_written()
    {
        var folder = Traces("partial", "ok", "ok");
        _temp.Write("partial/broken.json", "{\"format\": ");
        var csv = _temp["partial.csv"];
        var run = await CliRun.RunAsync("grade", _temp["exit.rubric.csx"], folder, "--csv", csv, "--no-progress");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Does.Contain("broken.json(1,12): error: "));
        Assert.That(File.ReadAllLines(csv), Has.Length.EqualTo(3), "header and the two good traces");
    }

    [Test]
    public async Task Fail_on_warning_trips_on_a_warning_and_fail_on_error_does_not()
    {
        var folder = Traces("warned", "ok warn");
        Assert.That((await Grade(folder)).ExitCode, Is.EqualTo(0));
        var warning = await Grade(folder, "--fail-on", "warning");
        Assert.That(warning.ExitCode, Is.EqualTo(1), warning.ToString());
        Assert.That(warning.Out, Does.Contain("warning E-90"));
        Assert.That((await Grade(folder, "--fail-on", "error")).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task Fail_on_error_trips_on_an_error_finding_but_not_on_lost_points()
    {
        Assert.That((await Grade(Traces("lostonly", "no"), "--fail-on", "error")).ExitCode, Is.EqualTo(0), "a failed criterion is a warning");
        var folder = Traces("errored", "ok err");
        var run = await Grade(folder, "--fail-on", "error");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That((await Grade(Traces("clean", "ok"), "--fail-on", "error")).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task A_rubric_that_does_not_compile_is_2_with_compiler_style_errors()
    {
        var run = await CliRun.RunAsync("grade", _temp["broken.rubric.csx"], Traces("any", "ok"), "--csv", _temp["never.csv"], "--no-progress");
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Match(@"broken\.rubric\.csx\(\d+,\d+\): error CS\d+"));
        Assert.That(File.Exists(_temp["never.csv"]), Is.False, "nothing is written when nothing was graded");
    }

    [Test]
    public async Task A_missing_rubric_is_2()
    {
        var run = await CliRun.RunAsync("grade", _temp["nope.rubric.csx"], Traces("any2", "ok"), "--csv", _temp["x.csv"]);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("nope.rubric.csx: error: the rubric file was not found."));
    }

    [TestCase(new[] { "--fail-on", "sometimes" }, "--fail-on must be warning or error")]
    [TestCase(new[] { "--max-file-size", "0" }, "--max-file-size must be between")]
    [TestCase(new[] { "--threads", "0" }, "--threads must be between 1 and 256")]
    [TestCase(new[] { "--bogus" }, "bogus")]
    public async Task Usage_errors_are_2_with_a_message(string[] extra, string message)
    {
        var run = await CliRun.RunAsync(["grade", _temp["exit.rubric.csx"], Traces("usage", "ok"), "--csv", _temp["u.csv"], .. extra]);
        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error + run.Out + run.ConsoleText, Does.Contain(message));
    }

    [Test]
    public async Task No_output_named_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("grade", _temp["exit.rubric.csx"], Traces("noout", "ok"));
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error + run.Out + run.ConsoleText, Does.Contain("Say where grades go"));
    }

    [Test]
    public async Task A_file_over_max_file_size_is_an_error_naming_the_option_and_the_rest_grade()
    {
        var folder = Traces("sized", "ok");
        _temp.Write("sized/big.json", new byte[2 * 1024 * 1024]);
        var run = await Grade(folder, "--max-file-size", "1");
        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Out, Does.Contain("big.json: error: the file is 2.0 MB (2,097,152 bytes), over the limit of 1.0 MB").And.Contain("--max-file-size"));
        var raised = await Grade(folder, "--max-file-size", "4");
        Assert.That(raised.Out, Does.Contain("big.json").And.Not.Contain("over the limit"), "a raised limit reads it (and finds it is not a trace)");
    }
}
