using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>The catalog of built-in rules and their doc pages, built from the checks' own entries.</summary>
public static class BuiltInRules
{
    /// <summary>Every built-in rule, by id: one line per check.</summary>
    public static IReadOnlyList<BuiltInRule> All { get; } =
    [
        WordLimitCheck.Rule,
        NumbersGroundedCheck.Rule,
        UngroundedIdentifierCheck.Rule,
        DerivationShownCheck.Rule,
        ConditionsUsedCheck.Rule,
        AnswerCheck.Rule,
        SequenceCheck.Rule,
        MentionsCheck.Rule,
    ];

    /// <summary>The catalog entry of <paramref name="check"/>, or null for a rubric's own check.</summary>
    public static BuiltInRule? Of(ICheck check) => (check as IBuiltInCheck)?.Rule;

    /// <summary>The rule with <paramref name="id"/> (case-insensitive), or null.</summary>
    public static BuiltInRule? Find(string id) =>
        All.FirstOrDefault(r => string.Equals(r.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The doc page (Markdown) of the rule with <paramref name="id"/>, or null when there is no such rule or page.</summary>
    public static string? LoadDocPage(string id)
    {
        var rule = Find(id);
        if (rule is null) return null;
        using var stream = typeof(BuiltInRules).Assembly.GetManifestResourceStream(ResourceName(rule.DocPage));
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The file names of every embedded doc page (<c>RE0001.md</c> …), whether or not the catalog lists it.</summary>
    public static IReadOnlyList<string> DocPages() =>
        typeof(BuiltInRules).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("RubricEngine.Checks.", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => string.Join('.', n.Split('.')[^2..]))
            .Order(StringComparer.Ordinal)
            .ToList();

    // Embedded resources are named after their folder: "WordLimit/RE0001.md" is "RubricEngine.Checks.WordLimit.RE0001.md".
    private static string ResourceName(string docPage) => "RubricEngine.Checks." + docPage.Replace('/', '.');
}
