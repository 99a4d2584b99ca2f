using System.Runtime.CompilerServices;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>A question of the rubric: add criteria to it.</summary>
public sealed class QuestionBuilder
{
    private readonly RubricBuilder _rubric;

    internal QuestionBuilder(RubricBuilder rubric, QuestionPath path, string? title, IReadOnlyList<string> aliases)
    {
        _rubric = rubric;
        Path = path;
        Title = title;
        Aliases = aliases;
    }

    /// <summary>The question's path.</summary>
    public QuestionPath Path { get; }

    /// <summary>The question's title, if given.</summary>
    public string? Title { get; }

    /// <summary>Names the problem goes by in traces.</summary>
    public IReadOnlyList<string> Aliases { get; }

    internal List<CriterionBuilder> Criteria { get; } = [];

    internal string? StatementText { get; private set; }

    /// <summary>
    /// The question's text as the homework states it. Students paste the homework into the chat: a prompt close to
    /// this text names the question, even with no number in it. Returns the question, so criteria follow.
    /// </summary>
    /// <example><code>r.Question("mt.a", "Stacking encoder and decoder").Statement("Your teammate proposes …").Criterion(…)</code></example>
    public QuestionBuilder Statement(string text)
    {
        StatementText = text;
        return this;
    }

    /// <summary>
    /// Adds a criterion worth <paramref name="points"/>, identified by <paramref name="id"/> (<c>HW7-01</c>).
    /// Follow it with the check that judges it: <c>.WordLimit(100)</c>, <c>.Custom(a => …)</c>.
    /// </summary>
    public CriterionBuilder Criterion(string id, string title, double points = 1, string category = "Grading", Severity severity = Severity.Warning,
        [CallerFilePath] string declaredInFile = "", [CallerLineNumber] int declaredAtLine = 0)
    {
        var criterion = new CriterionBuilder(this, new RuleDescriptor(id, title, "{0}", category, severity, points), ScriptLine.Of(declaredInFile, declaredAtLine));
        Criteria.Add(criterion);
        return criterion;
    }

    /// <summary>Back to the rubric, to declare the next question.</summary>
    public RubricBuilder Rubric => _rubric;
}
