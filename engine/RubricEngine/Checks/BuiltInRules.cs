using System.Reflection;

namespace RubricEngine.Checks;

/// <summary>A built-in rule: a generic check with a stable id and a doc page (<c>rubric explain RE0002</c>).</summary>
/// <param name="Id">RE0001 …</param>
/// <param name="Name">The check's name as a rubric calls it: <c>WordLimit</c>.</param>
/// <param name="Title">Short title.</param>
/// <param name="Summary">One line: what it checks.</param>
/// <param name="DocPage">File name of the doc page (embedded next to the check): <c>RE0001.md</c>.</param>
public sealed record BuiltInRule(string Id, string Name, string Title, string Summary, string DocPage);

/// <summary>The catalog of built-in rules and their doc pages.</summary>
public static class BuiltInRules
{
    /// <summary>Every built-in rule, by id.</summary>
    public static IReadOnlyList<BuiltInRule> All { get; } =
    [
        new(RuleIds.WordLimit, "WordLimit", "Word limit", "The answer's prose stays within a word limit (markup, formulas and summary tables handled as a person would).", "RE0001.md"),
        new(RuleIds.NumbersGrounded, "NumbersGrounded", "Numbers grounded in the sources", "Every number the answer states appears in the prompts or sources, after unit conversion and rounding.", "RE0002.md"),
        new(RuleIds.UngroundedIdentifier, "IdentifiersGrounded", "Ungrounded identifier", "A name with digits (V100, ResNet-50) or a year is not in the sources; a note that costs no points.", "RE0003.md"),
        new(RuleIds.DerivationShown, "DerivationShown", "Derivation shown", "The derivation is shown in enough steps, not just the result.", "RE0004.md"),
        new(RuleIds.ConditionsUsed, "ConditionsUsed", "Conditions used", "The answer uses the conditions derived in an earlier part.", "RE0005.md"),
        new(RuleIds.AnswerKey, "Answer", "Answer key", "The stated final answer (not a mere mention) is the expected one.", "RE0006.md"),
        new(RuleIds.Sequence, "Sequence", "Token sequence", "Expected tokens appear in order as one run, in prose, code or math.", "RE0007.md"),
        new(RuleIds.Mentions, "Mentions", "Required concepts", "The answer mentions required concepts (synonyms, plurals and case tolerated).", "RE0008.md"),
    ];

    /// <summary>The rule with <paramref name="id"/> (case-insensitive), or null.</summary>
    public static BuiltInRule? Find(string id) =>
        All.FirstOrDefault(r => string.Equals(r.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The doc page (Markdown) of the rule with <paramref name="id"/>, or null when there is no such rule or page.</summary>
    public static string? LoadDocPage(string id)
    {
        var rule = Find(id);
        if (rule is null) return null;
        var assembly = typeof(BuiltInRules).Assembly;
        var name = DocResourceName(assembly, rule.DocPage);
        if (name is null) return null;
        using var stream = assembly.GetManifestResourceStream(name);
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

    // Resources are named after their folder ("RubricEngine.Checks.WordLimit.RE0001.md"): find the page by file name.
    private static string? DocResourceName(Assembly assembly, string page) =>
        assembly.GetManifestResourceNames().FirstOrDefault(n =>
            n.StartsWith("RubricEngine.Checks.", StringComparison.Ordinal) && n.EndsWith("." + page, StringComparison.Ordinal));
}
