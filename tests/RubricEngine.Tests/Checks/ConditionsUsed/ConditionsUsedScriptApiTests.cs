using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using RubricEngine.Checks;
using RubricEngine.Rubrics;

namespace RubricEngine.Tests.Checks.ConditionsUsed;

/// <summary>What a .csx rubric can actually write: compiled with Roslyn scripting against RubricGlobals.</summary>
public sealed class ConditionsUsedScriptApiTests
{
    private static ScriptOptions Options => ScriptOptions.Default
        .AddReferences(typeof(RubricGlobals).Assembly)
        .AddImports("RubricEngine.Rubrics", "RubricEngine.Checks");

    private static IReadOnlyList<string> Errors(string call)
    {
        var code = "Rubric(\"hw7\", r => r.Question(\"3.b.ii\").Criterion(\"HW7-02\", \"Uses the conditions\", 3)" + call + ");";
        var script = CSharpScript.Create(code, Options, typeof(RubricGlobals));
        return script.Compile().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }

    [Test]
    public void Named_from_with_collection_expression_substitutions_compiles() =>
        Assert.That(Errors(""".ConditionsUsed(from: "3.b.i", substitute: [("W_1", @"U_k^\top"), ("W_2", "U_k")])"""), Is.Empty);

    [Test]
    public void Positional_params_substitutions_compile() =>
        Assert.That(Errors(""".ConditionsUsed("3.b.i", ("W_1", @"U_k^\top"), ("W_2", "U_k"))"""), Is.Empty);

    [Test]
    public void Named_from_then_positional_params_compiles() =>
        Assert.That(Errors(""".ConditionsUsed(from: "3.b.i", ("W_1", @"U_k^\top"), ("W_2", "U_k"))"""), Is.Empty);

    [Test]
    public void Reference_credit_overload_compiles() =>
        Assert.That(Errors(""".ConditionsUsed("3.b.i", referenceCredit: 0.25, ("W_1", @"U_k^\top"), ("W_2", "U_k"))"""), Is.Empty);

    [Test]
    public void Rule_doc_pages_are_embedded()
    {
        var names = typeof(ConditionsUsedCheck).Assembly.GetManifestResourceNames();
        Assert.That(names, Has.Some.EndsWith("RE0004.md"));
        Assert.That(names, Has.Some.EndsWith("RE0005.md"));
    }

    [Test]
    public void Brief_spelling_with_named_params_and_several_values_does_not_compile() =>
        // C# lets a named argument fill a params parameter with one value only: this is why the docs show
        // substitute: [ … ] instead.
        Assert.That(Errors(""".ConditionsUsed(from: "3.b.i", substitute: ("W_1", @"U_k^\top"), ("W_2", "U_k"))"""), Is.Not.Empty);

    [Test]
    public void Derivation_shown_calls_compile()
    {
        Assert.That(Errors(""".DerivationShown(minSteps: 3, requires: @"\operatorname{tr}((X - W_2W_1X)^\top(X - W_2W_1X))", named: "the trace expansion")"""), Is.Empty);
        Assert.That(Errors(""".DerivationShown(3)"""), Is.Empty);
    }

    [Test]
    public async Task Script_builds_a_rubric_whose_criterion_uses_the_check()
    {
        var globals = new RubricGlobals(TestContext.CurrentContext.WorkDirectory);
        await CSharpScript.RunAsync(
            """Rubric("hw7", r => { r.Question("3.b.i"); r.Question("3.b.ii").Criterion("HW7-02", "Uses the conditions", 3).ConditionsUsed(from: "3.b.i", substitute: [("W_1", @"U_k^\top"), ("W_2", "U_k")]); });""",
            Options, globals);
        var rubric = globals.BuildRubric();
        Assert.That(rubric.Criteria.Single().Check, Is.InstanceOf<ConditionsUsedCheck>());
    }
}
