using RubricEngine.Grading;
using RubricEngine.Scripting;

namespace RubricEngine.Tests.Scripting;

public sealed class RubricScriptLoaderTests
{
    private const string Simple = """
        Rubric("Simple", r => r
            .Question("1", "Only question")
                .Criterion("T-01", "Says hello", points: 2)
                .Custom(a => a.Text.Contains("hello") ? Pass() : Fail("Does not say hello.")));
        """;

    [Test]
    public void Loads_a_rubric_and_grades_with_it()
    {
        using var folder = new TempRubricFolder();
        folder.Write("simple.rubric.csx", Simple);
        using var loaded = folder.Load("simple.rubric.csx");

        Assert.That(loaded.Definition.Title, Is.EqualTo("Simple"));
        Assert.That(loaded.Definition.Criteria.Select(c => c.Rule.Id), Is.EqualTo(new[] { "T-01" }));
        Assert.That(loaded.Sha256, Has.Length.EqualTo(64));
        var grade = new Grader(loaded.Definition).Grade(TestTraces.Make("a", "I say hello."));
        Assert.That(grade.Total, Is.EqualTo(2));
    }

    [Test]
    public void Compile_errors_print_like_a_compiler_with_the_path_as_given()
    {
        using var folder = new TempRubricFolder();
        folder.Write("hw/bad.rubric.csx", """
            Rubric("Bad", r => r
                .Question("1")
                    .Criterion("T-01", "x")
                    .Custom(a => { var n = 1 return Pass(); }));
            var y = undefinedName;
            """);
        var given = Path.Combine(Path.GetRelativePath(Environment.CurrentDirectory, folder.Root), "hw", "bad.rubric.csx");

        var e = Assert.Throws<RubricScriptException>(() => RubricScriptLoader.Load(given, folder.Options()))!;

        Assert.That(e.Diagnostics.Select(d => d.ToString()), Is.EqualTo(new[]
        {
            $"{given}(4,34): error CS1002: ; expected",
            $"{given}(5,9): error CS0103: The name 'undefinedName' does not exist in the current context",
        }));
        Assert.That(e.Message, Does.StartWith($"{given}(4,34): error CS1002: ; expected"));
    }

    [TestCase("new RubricEngine.Traces.TraceReader()", "error CS0122: 'TraceReader' is inaccessible")]
    [TestCase("new RubricEngine.Grading.Grader(null!)", "error CS0122: 'Grader' is inaccessible")]
    [TestCase("typeof(RubricEngine.Hosting.GradingSession)", "error CS0122: 'GradingSession' is inaccessible")]
    [TestCase("new RubricGlobals(\".\").BuildRubric()", "error CS1061: 'RubricGlobals' does not contain a definition for 'BuildRubric'")]
    public void A_script_sees_the_authoring_API_but_not_the_host(string hostCall, string expected)
    {
        using var folder = new TempRubricFolder();
        folder.Write("main.rubric.csx", $"var host = {hostCall};\n" + Simple);

        var e = Assert.Throws<RubricScriptException>(() => folder.Load("main.rubric.csx"))!;

        Assert.That(e.Diagnostics.Single().ToString(), Does.Contain(expected));
    }

    [Test]
    public void Errors_in_a_loaded_file_name_that_file()
    {
        using var folder = new TempRubricFolder();
        folder.Write("lib/helpers.csx", "static int Twice(int x) => x * 2\n");
        folder.Write("main.rubric.csx", "#load \"lib/helpers.csx\"\n" + Simple);

        var e = Assert.Throws<RubricScriptException>(() => folder.Load("main.rubric.csx"))!;

        Assert.That(e.Diagnostics.Single().ToString(),
            Is.EqualTo($"{Path.Join(folder.Root, "lib/helpers.csx")}(1,33): error CS1002: ; expected"));
    }

    [Test]
    public void A_missing_source_is_reported_at_the_script_line()
    {
        using var folder = new TempRubricFolder();
        folder.Write("src.rubric.csx", """
            // line 1
            Rubric("Sources", r =>
            {
                r.Source("sources/blog.md");
                r.Source("x.md");
                r.Question("1").Criterion("T-01", "x").Custom(a => Pass());
            });
            """);
        folder.Write("sources/blog.md", "341 s");
        var path = Path.Combine(folder.Root, "src.rubric.csx");

        var e = Assert.Throws<RubricScriptException>(() => RubricScriptLoader.Load(path, folder.Options()))!;

        Assert.That(e.Message, Does.StartWith($"{path}(5,5): error: Source file 'x.md' was not found"));
    }

    [Test]
    public void An_exception_in_the_top_level_is_reported_at_its_line()
    {
        using var folder = new TempRubricFolder();
        var path = folder.Write("throws.rubric.csx", """
            string? title = null;

            Rubric(title!.ToUpperInvariant(), r => { });
            """);

        var e = Assert.Throws<RubricScriptException>(() => RubricScriptLoader.Load(path, folder.Options()))!;

        Assert.That(e.Message, Does.StartWith($"{path}(3,1): error: NullReferenceException:"));
    }

    [Test]
    public void A_rubric_that_never_declares_itself_is_an_error_without_a_line()
    {
        using var folder = new TempRubricFolder();
        var path = folder.Write("empty.rubric.csx", "var x = 1;\n");

        var e = Assert.Throws<RubricScriptException>(() => RubricScriptLoader.Load(path, folder.Options()))!;

        Assert.That(e.Message, Is.EqualTo($"{path}: error: The script never calls Rubric(\"title\", r => {{ … }})."));
    }

    [Test]
    public void Load_directives_resolve_relative_to_the_loading_file_and_r_loads_a_local_assembly()
    {
        using var folder = new TempRubricFolder();
        TestAssemblies.CompileLibrary(Path.Combine(folder.Root, "bin", "RubricHelpers.dll"), """
            namespace RubricHelpers;
            public static class Words
            {
                public static int Count(string text) => text.Split(' ', System.StringSplitOptions.RemoveEmptyEntries).Length;
            }
            """);
        folder.Write("lib/helpers.csx", "#load \"more.csx\"\nstatic int Limit() => Base() * 2;\n");
        folder.Write("lib/more.csx", "static int Base() => 2;\n");
        folder.Write("main.rubric.csx", """
            #r "bin/RubricHelpers.dll"
            #load "lib/helpers.csx"
            Rubric("Loads", r => r
                .Question("1")
                    .Criterion("T-01", "Short", points: 1)
                    .Custom(a => RubricHelpers.Words.Count(a.Text) <= Limit() ? Pass() : Fail("Too long.")));
            """);

        using var loaded = folder.Load("main.rubric.csx");

        Assert.That(loaded.Files, Is.EqualTo(new[]
        {
            Path.Combine(folder.Root, "main.rubric.csx"),
            Path.Join(folder.Root, "lib/helpers.csx"),
            Path.Join(folder.Root, "lib/more.csx"),
        }));
        Assert.That(loaded.References, Is.EqualTo(new[] { Path.Combine(folder.Root, "bin", "RubricHelpers.dll") }));
        var grader = new Grader(loaded.Definition);
        Assert.That(grader.Grade(TestTraces.Make("short", "one two three four")).Total, Is.EqualTo(1));
        Assert.That(grader.Grade(TestTraces.Make("long", "one two three four five")).Total, Is.EqualTo(0));

        // Warm: the #r assembly is loaded from the rubric folder into the rubric's context again.
        using var warm = folder.Load("main.rubric.csx");
        Assert.That(warm.FromCache, Is.True);
        Assert.That(new Grader(warm.Definition).Grade(TestTraces.Make("long", "one two three four five")).Total, Is.EqualTo(0));
    }
}
