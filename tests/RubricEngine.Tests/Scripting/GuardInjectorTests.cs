using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Scripting;

namespace RubricEngine.Tests.Scripting;

public sealed class GuardInjectorTests
{
    private const string Shapes = """
        using System.Linq.Expressions;
        int Method(int n) => n <= 0 ? 0 : Method(n - 1);
        void Nothing() { }
        int Property => 1;
        int this[int i] { get => i; set { } }
        async System.Threading.Tasks.Task Later() => await System.Threading.Tasks.Task.Yield();
        async System.Threading.Tasks.Task<int> Value() => await System.Threading.Tasks.Task.FromResult(1);
        Func<int, Func<int, int>> curried = x => y => x + y;
        Action<int> act = x => Console.WriteLine(x);
        Func<int> thrower = () => throw new InvalidOperationException();
        Expression<Func<int, int>> tree = x => x + 1;
        for (var i = 0; i < 2; i++) ;
        while (false) Nothing();
        do Nothing(); while (false);
        foreach (var (a, b) in new[] { (1, 2) }) { }
        int Local(int k) { return k; }
        var q = from x in new[] { 1 } select x * 2;
        """;

    private static readonly ScriptOptions Options = ScriptOptions.Default
        .WithReferences(typeof(Enumerable).Assembly, typeof(System.Linq.Expressions.Expression).Assembly, typeof(Console).Assembly, typeof(RuleGuard).Assembly)
        .WithImports("System", "System.Linq");

    [Test]
    public void Weaving_keeps_every_line_and_compiles()
    {
        var compilation = CSharpScript.Create(Shapes, Options, typeof(RubricGlobals)).GetCompilation();
        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error), Is.Empty);
        var tree = compilation.SyntaxTrees.Single();

        var woven = GuardInjector.Weave(tree, compilation.GetSemanticModel(tree));

        var before = Shapes.Split('\n');
        var after = woven.Split('\n');
        Assert.That(after, Has.Length.EqualTo(before.Length));
        // Every line gained a guard but the using, the expression tree and the query (no syntactic lambda).
        for (var i = 1; i < before.Length; i++)
            Assert.That(after[i].Contains(GuardInjector.Tick), Is.EqualTo(i is not (10 or 16)), $"line {i + 1}: {after[i]}");
        var rewritten = CSharpScript.Create(woven, Options, typeof(RubricGlobals)).GetCompilation();
        Assert.That(rewritten.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error), Is.Empty,
            woven);
    }

    [Test]
    public void Every_kind_of_endless_loop_in_a_rubric_is_stopped()
    {
        using var folder = new TempRubricFolder();
        folder.Write("loops.rubric.csx", """
            int Forever => Forever + 1;
            IEnumerable<int> Numbers() { while (true) yield return 1; }
            Rubric("Loops", r => r
                .Question("1")
                    .Criterion("L-01", "for").Custom(a => { for (;;); })
                    .Criterion("L-02", "do").Custom(a => { do { } while (a != null); return Pass(); })
                    .Criterion("L-03", "foreach").Custom(a => { foreach (var n in Numbers()) { } return Pass(); })
                    .Criterion("L-04", "property").Custom(a => Forever > 0 ? Pass() : Pass())
                    .Criterion("L-05", "linq").Custom(a => Numbers().Count() > 0 ? Pass() : Pass())
                    .Criterion("L-06", "fine").Custom(a => Pass()));
            """);
        using var loaded = folder.Load("loops.rubric.csx");
        using var runner = loaded.CreateRunner(TimeSpan.FromMilliseconds(150));

        var grade = new Grader(loaded.Definition, runner).Grade(TestTraces.Make("t", "answer"));

        var errors = grade.Criteria.Where(c => c.IsError).Select(c => c.Rule.Id);
        Assert.That(errors, Is.EqualTo(new[] { "L-01", "L-02", "L-03", "L-04", "L-05" }));
        Assert.That(grade.Criteria.Single(c => c.Rule.Id == "L-06").Points, Is.EqualTo(1));
    }

    [Test]
    public void A_loop_in_the_top_level_is_bounded_while_building()
    {
        using var folder = new TempRubricFolder();
        var path = folder.Write("spin.rubric.csx", "\nwhile (true) { }\n");

        var e = Assert.Throws<RubricScriptException>(() =>
            RubricScriptLoader.Load(path, folder.Options() with { BuildTimeLimit = TimeSpan.FromMilliseconds(100) }))!;

        Assert.That(e.Message, Is.EqualTo($"{path}(2,15): error: the rubric did not finish building within 0.1 s"));
    }
}
