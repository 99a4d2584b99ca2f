using System.Globalization;
using RubricEngine.Rubrics;

namespace RubricEngine.Configuration;

/// <summary>
/// Course-staff overrides from a <c>.rubricconfig</c> next to the rubric, EditorConfig style:
/// <code>
/// # quieter this term
/// rubric.HW7-04.severity = none     # none | info | warning | error
/// rubric.HW7-04.points = 0.5
/// rubric.timeout = 10s              # time limit of one rule run
/// </code>
/// </summary>
internal sealed record RubricConfig
{
    /// <summary>The file name the engine looks for next to a rubric.</summary>
    public const string FileName = ".rubricconfig";

    /// <summary>No overrides.</summary>
    public static RubricConfig Empty { get; } = new();

    /// <summary>The file it was read from, as given; null when there is none.</summary>
    public string? File { get; init; }

    /// <summary>Severity per rule id (case-insensitive), with the line that set it.</summary>
    public IReadOnlyDictionary<string, Setting<Severity>> Severities { get; init; } = new Dictionary<string, Setting<Severity>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Points per rule id (case-insensitive), with the line that set it.</summary>
    public IReadOnlyDictionary<string, Setting<double>> Points { get; init; } = new Dictionary<string, Setting<double>>(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>rubric.timeout</c>: the time limit of one rule run; null for the default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Problems that do not stop a run (unknown keys), compiler-style: <c>.rubricconfig(3): warning: …</c>.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Reads the <c>.rubricconfig</c> in the folder of <paramref name="rubricPath"/>, or returns <see cref="Empty"/>.
    /// Throws <see cref="RubricConfigException"/> on a bad value.
    /// </summary>
    public static RubricConfig LoadFor(string rubricPath)
    {
        var folder = Path.GetDirectoryName(rubricPath);
        var path = string.IsNullOrEmpty(folder) ? FileName : Path.Combine(folder, FileName);
        return System.IO.File.Exists(path) ? RubricConfigParser.Parse(System.IO.File.ReadAllText(path), path, Path.GetFileName(rubricPath)) : Empty;
    }

    /// <summary>Parses config text; <paramref name="file"/> names it in messages.</summary>
    public static RubricConfig Parse(string text, string file, string rubricFileName = "rubric.csx") =>
        RubricConfigParser.Parse(text, file, rubricFileName);

    /// <summary>
    /// The rubric with every overridden rule descriptor replaced. <paramref name="warnings"/> lists this config's
    /// warnings plus one per override naming a rule the rubric does not have.
    /// </summary>
    public RubricDefinition Apply(RubricDefinition rubric, out IReadOnlyList<string> warnings)
    {
        var known = new HashSet<string>(rubric.Rules.Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
        var all = new List<string>(Warnings);
        foreach (var (id, setting) in Severities.Select(kv => (kv.Key, kv.Value.Line)).Concat(Points.Select(kv => (kv.Key, kv.Value.Line))).OrderBy(x => x.Line))
            if (!known.Contains(id))
                all.Add($"{File}({setting}): warning: the rubric has no rule '{id}'");
        warnings = all;

        RuleDescriptor Override(RuleDescriptor rule)
        {
            if (Severities.TryGetValue(rule.Id, out var severity)) rule = rule with { Severity = severity.Value };
            if (Points.TryGetValue(rule.Id, out var points)) rule = rule with { Points = points.Value };
            return rule;
        }

        return rubric with
        {
            Criteria = rubric.Criteria.Select(c => c with { Rule = Override(c.Rule) }).ToList(),
            CustomRules = rubric.CustomRules.Select(r => r with { Rule = Override(r.Rule) }).ToList(),
        };
    }

    /// <summary>The overrides as <c>key=value</c> pairs, for the run record.</summary>
    public IReadOnlyDictionary<string, string> Describe()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, s) in Severities) result[$"rubric.{id}.severity"] = s.Value.ToString().ToLowerInvariant();
        foreach (var (id, p) in Points) result[$"rubric.{id}.points"] = p.Value.ToString(CultureInfo.InvariantCulture);
        if (Timeout is { } t) result["rubric.timeout"] = t.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s";
        return result;
    }
}
