using RubricEngine.Checks;

namespace RubricEngine.Tests.Cli;

/// <summary><c>rubric check</c>, <c>new</c>, <c>test</c> and <c>explain</c>: what a rubric author runs.</summary>
public sealed class RubricAuthoringTests : CliTestBase
{
    private static readonly string[] Hw7RuleIds = ["HW7-01", "HW7-02", "HW7-03", "HW7-04", "HW7-05", "HW7-06", "HW7-07", "HW7-08", "HW7-09", "HW7-90"];

    [Test]
    public async Task Check_lists_every_rule_and_exits_0()
    {
        var result = await CliRun.Rubric("check", Hw7Example.RubricPath);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Console, Does.Contain("CS182 HW7 — LLM use"));
        foreach (var id in Hw7RuleIds) Assert.That(result.Console, Does.Contain(id));
        Assert.That(result.Console, Does.Contain("10 rules, 16 points, 1 source(s)."));
    }

    [Test]
    public async Task A_second_check_is_a_rubric_cache_hit_and_faster()
    {
        var cache = At("cache");
        var first = await CliRun.RubricWithCache(cache, "check", Hw7Example.RubricPath);
        var second = await CliRun.RubricWithCache(cache, "check", Hw7Example.RubricPath);

        Assert.That(first.ExitCode, Is.EqualTo(0), first.ToString());
        Assert.That(second.ExitCode, Is.EqualTo(0), second.ToString());
        Assert.That(first.Error, Does.Contain("compiling rubric").And.Not.Contain("rubric cache hit"));
        Assert.That(second.Error, Does.Contain("rubric cache hit"));
        Assert.That(second.Elapsed, Is.LessThan(first.Elapsed), $"first {first.Elapsed}, second {second.Elapsed}");
        Assert.That(Directory.EnumerateFileSystemEntries(cache), Is.Not.Empty, "the cache is the folder given");
    }

    [Test]
    public async Task New_scaffolds_a_rubric_whose_own_fixture_passes()
    {
        var folder = At("hw8");
        var created = await CliRun.Rubric("new", folder);
        Assert.That(created.ExitCode, Is.EqualTo(0), created.ToString());
        Assert.That(File.Exists(Path.Combine(folder, "hw8.rubric.csx")), Is.True);
        Assert.That(File.Exists(Path.Combine(folder, ".rubricconfig")), Is.True);

        var tested = await CliRun.Rubric("test", folder);

        Assert.That(tested.ExitCode, Is.EqualTo(0), tested.ToString());
        Assert.That(tested.Out, Does.Not.Contain("FAIL"));
    }

    [Test]
    public async Task New_refuses_a_folder_that_is_not_empty()
    {
        File.WriteAllText(At("keep.txt"), "mine");

        var result = await CliRun.Rubric("new", Dir);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("never overwrites"));
        Assert.That(File.ReadAllText(At("keep.txt")), Is.EqualTo("mine"));
    }

    [Test]
    public async Task Test_exits_1_when_a_fixture_expects_other_points()
    {
        var folder = At("hw8");
        Assert.That((await CliRun.Rubric("new", folder)).ExitCode, Is.EqualTo(0));
        var fixture = Path.Combine(folder, "fixtures", "example.fixture.json");
        var text = File.ReadAllText(fixture);
        var expect = text[text.IndexOf("\"expect\"", StringComparison.Ordinal)..];
        File.WriteAllText(fixture, text.Replace(expect, "\"expect\": { \"Q1-01\": 2, \"Q1-02\": 1 }\n}\n"));

        var result = await CliRun.Rubric("test", folder);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Out, Does.Contain("Q1-01"));
    }

    public static IEnumerable<string> BuiltInIds() => Enumerable.Range(1, 8).Select(i => $"RE000{i}");

    [TestCaseSource(nameof(BuiltInIds))]
    public async Task Explain_prints_the_doc_page_of_each_built_in_rule(string id)
    {
        var result = await CliRun.Rubric("explain", id);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Is.EqualTo(BuiltInRules.LoadDocPage(id) + "\n"));
        Assert.That(result.Out, Does.Contain(id));
    }

    [Test]
    public async Task Explain_a_rubric_rule_shows_its_question_points_and_the_checks_doc_page()
    {
        var result = await CliRun.Rubric("explain", "HW7-03", "--rubric", Hw7Example.RubricPath);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.StartWith("# HW7-03: Numbers grounded in the blog"));
        Assert.That(result.Out, Does.Contain("Question: 4.a").And.Contain("2 points"));
        Assert.That(result.Out, Does.Contain(BuiltInRules.LoadDocPage("RE0002")!));
    }

    [Test]
    public async Task Explain_an_unknown_id_exits_2_and_says_how_to_look_up_a_rubric_rule()
    {
        var result = await CliRun.Rubric("explain", "HW7-03");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--rubric"));
    }
}
