using System.Runtime.CompilerServices;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>A criterion waiting for its check.</summary>
public sealed class CriterionBuilder
{
    private readonly QuestionBuilder _question;
    private ICheck? _check;

    internal CriterionBuilder(QuestionBuilder question, RuleDescriptor rule, ScriptLine? declaredAt)
    {
        _question = question;
        Rule = rule;
        DeclaredAt = declaredAt;
    }

    /// <summary>Where the script declared the criterion, for errors that point at the author's line.</summary>
    internal ScriptLine? DeclaredAt { get; }

    internal ICheck? CheckOrNull => _check;

    /// <summary>The criterion's rule descriptor.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>The question the criterion belongs to.</summary>
    public QuestionPath Question => _question.Path;

    /// <summary>Judges the criterion with <paramref name="check"/>. Built-in checks call this for you.</summary>
    public QuestionBuilder Check(ICheck check)
    {
        if (_check is not null)
            throw new RubricDefinitionException($"Criterion {Rule.Id} already has a check ({_check.Describe()}); add another criterion instead.", DeclaredAt);
        _check = check;
        return _question;
    }

    /// <summary>Judges the criterion with a function of the answer: <c>a => a.Text.Contains("&lt;sos&gt;") ? Pass() : Fail("…")</c>.</summary>
    public QuestionBuilder Custom(Func<Answer, CheckResult> evaluate, string description = "custom check") =>
        Check(new DelegateCheck(evaluate, description));

    internal CriterionDefinition Build(QuestionPath question) =>
        new(Rule, question, _check ?? throw new RubricDefinitionException($"Criterion {Rule.Id} ({Rule.Title}) has no check: follow .Criterion(...) with a check such as .WordLimit(100).", DeclaredAt));
}
