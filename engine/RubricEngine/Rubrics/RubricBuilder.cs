using System.Runtime.CompilerServices;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>
/// What <c>Rubric("title", r => …)</c> hands to the script: declare sources, the attempt policy, questions with
/// their criteria, and custom rules.
/// </summary>
public sealed class RubricBuilder
{
    private readonly string _baseDirectory;
    private readonly List<SourceText> _sources = [];
    private readonly List<QuestionBuilder> _questions = [];
    private readonly List<CustomRuleDefinition> _rules = [];
    private readonly List<ScriptLine?> _ruleLines = [];
    private readonly List<string> _assignments = [];
    private Attempt _policy = Attempt.First;

    internal RubricBuilder(string title, string baseDirectory)
    {
        Title = title;
        _baseDirectory = baseDirectory;
    }

    /// <summary>The rubric's title.</summary>
    public string Title { get; }

    /// <summary>
    /// Adds a reference text that numbers in answers must be grounded in. <paramref name="path"/> is relative to
    /// the rubric file.
    /// </summary>
    public RubricBuilder Source(string path, string? title = null)
    {
        var full = Path.GetFullPath(Path.Combine(_baseDirectory, path));
        if (!File.Exists(full))
            throw new RubricDefinitionException($"Source file '{path}' was not found (looked for {full}).");
        _sources.Add(new SourceText(path, title ?? Path.GetFileNameWithoutExtension(path), File.ReadAllText(full)));
        return this;
    }

    /// <summary>Adds a reference text given inline.</summary>
    public RubricBuilder SourceText(string id, string text)
    {
        _sources.Add(new SourceText(id, id, text));
        return this;
    }

    /// <summary>Which attempt's points count: <see cref="Attempt.First"/> (default), Last or Best.</summary>
    public RubricBuilder Grade(Attempt policy)
    {
        _policy = policy;
        return this;
    }

    /// <summary>
    /// Reads the whole assignment from <paramref name="path"/> (Markdown or plain text, relative to the rubric file)
    /// and gives each declared question the text under its marker as its statement: "## Problem 3", "(b)",
    /// "(ii) Show that …", "Problem 4(a): …", a title alias, resolved like markers in traces. Students paste the
    /// homework into the chat; a prompt close to a statement names its question. A question's own
    /// <see cref="QuestionBuilder.Statement"/> wins over the file's.
    /// </summary>
    /// <example><code>r.Statement("assignment.md");</code></example>
    public RubricBuilder Statement(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_baseDirectory, path));
        if (!File.Exists(full))
            throw new RubricDefinitionException($"Assignment file '{path}' was not found (looked for {full}).");
        _assignments.Add(File.ReadAllText(full));
        return this;
    }

    /// <summary>
    /// Declares a question by its dotted path (<c>3.b.ii</c>) with an optional title and the names a problem goes by
    /// in traces (<c>aliases: "Machine Translation"</c>).
    /// </summary>
    public QuestionBuilder Question(string path, string? title = null, params string[] aliases)
    {
        var question = new QuestionBuilder(this, new QuestionPath(path), title, aliases);
        _questions.Add(question);
        return question;
    }

    /// <summary>
    /// Adds a free-form rule, written like a Roslyn analyzer: <paramref name="initialize"/> registers callbacks on
    /// traces, messages or answers, which report findings.
    /// </summary>
    public RubricBuilder Rule(RuleDescriptor descriptor, Action<RuleContext> initialize,
        [CallerFilePath] string declaredInFile = "", [CallerLineNumber] int declaredAtLine = 0)
    {
        var actions = new RuleActions();
        initialize(new RuleContext(descriptor, actions));
        _rules.Add(new CustomRuleDefinition(descriptor, actions));
        _ruleLines.Add(ScriptLine.Of(declaredInFile, declaredAtLine));
        return this;
    }

    internal RubricDefinition Build()
    {
        var declared = _questions.SelectMany(q => q.Criteria.Select(c => (Rule: c.Rule, Line: c.DeclaredAt)))
            .Concat(_rules.Select((r, i) => (r.Rule, Line: _ruleLines[i])))
            .ToList();
        var seen = new Dictionary<string, ScriptLine?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (rule, line) in declared)
        {
            if (seen.TryAdd(rule.Id, line)) continue;
            var first = seen[rule.Id] is { } at ? $" (first declared at line {at.Line})" : "";
            throw new RubricDefinitionException($"Rule id '{rule.Id}' is declared twice{first}; ids must be unique.", line);
        }
        var criteria = _questions.SelectMany(q => q.Criteria.Select(c => c.Build(q.Path))).ToList();
        var questions = _questions
            .GroupBy(q => q.Path)
            .Select(g => new QuestionDefinition(g.Key, g.Select(q => q.Title).FirstOrDefault(t => t is not null),
                g.SelectMany(q => q.Aliases).Distinct(StringComparer.OrdinalIgnoreCase).ToList())
            {
                Statement = g.Select(q => q.StatementText).FirstOrDefault(t => t is not null),
            })
            .ToList();
        if (_assignments.Count > 0)
        {
            var options = new RubricDefinition(Title, _policy, [], questions, [], []).SegmenterOptions;
            var split = new Dictionary<QuestionPath, string>();
            foreach (var text in _assignments)
                foreach (var (q, statement) in AssignmentStatements.Split(text, options))
                    split[q] = split.TryGetValue(q, out var before) ? before + "\n\n" + statement : statement;
            questions = questions.Select(q => q.Statement is null && split.TryGetValue(q.Path, out var s) ? q with { Statement = s } : q).ToList();
        }
        ValidateReferences(questions);
        return new RubricDefinition(Title, _policy, _sources, questions, criteria, _rules);
    }

    /// <summary>
    /// A check that reads another question's answer (<c>ConditionsUsed(from: "1.c")</c>) must name a declared
    /// question: a typo there would otherwise cost every student the criterion's points.
    /// </summary>
    private void ValidateReferences(IReadOnlyList<QuestionDefinition> questions)
    {
        var paths = questions.Select(q => q.Path).ToList();
        foreach (var question in _questions)
            foreach (var criterion in question.Criteria)
            {
                if (criterion.CheckOrNull is not IReadsOtherQuestions reader) continue;
                foreach (var other in reader.OtherQuestions)
                {
                    if (paths.Contains(other)) continue;
                    var known = string.Join(", ", paths.Select(p => p.Value));
                    var guess = Suggestions.Closest(other.Value, paths.Select(p => p.Value));
                    var hint = guess is null ? "" : $" Did you mean '{guess}'?";
                    throw new RubricDefinitionException(
                        $"Criterion {criterion.Rule.Id} ({criterion.CheckOrNull!.Describe()}) reads the answer to question {other}, " +
                        $"but the rubric declares no question {other} (declared: {known}).{hint}",
                        criterion.DeclaredAt);
                }
            }
    }
}
