using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>
/// RE0003: names with digits ("A100", "ResNet-50", "p3.2xlarge") and years that the grounding texts do not
/// contain. Each is a note (<see cref="Severity.Info"/>) that costs no points: the score is always 1.
/// </summary>
public sealed class UngroundedIdentifierCheck : IBuiltInCheck
{
    /// <summary>RE0003's catalog entry: its id, name, title and doc page are written here and nowhere else.</summary>
    public static BuiltInRule Rule { get; } = new(
        "RE0003", "IdentifiersGrounded", "Ungrounded identifier",
        "A name with digits (V100, ResNet-50) or a year is not in the sources; a note that costs no points.",
        "NumbersGrounded/RE0003.md")
    {
        Severity = Severity.Info,
    };

    BuiltInRule IBuiltInCheck.Rule => Rule;

    private readonly GroundingAnalyzer _analyzer = new();
    private readonly IdentifierAllowList _allow;
    private readonly IReadOnlyList<string> _allowed;

    /// <param name="allow">Names that are common knowledge and need no source ("GPT-4", "ImageNet").</param>
    public UngroundedIdentifierCheck(IEnumerable<string>? allow = null)
    {
        _allowed = (allow ?? []).ToList();
        _allow = new IdentifierAllowList(_allowed);
    }

    public CheckResult Evaluate(Answer answer)
    {
        var notes = Notes(_analyzer.Analyze(answer), _allow);
        var message = notes.Count == 0 ? "Every name with digits is in the sources." : $"{notes.Count} name(s) with digits are not in the sources (no points deducted).";
        return new CheckResult(1, message, notes);
    }

    /// <summary>One note per distinct ungrounded identifier, at its first occurrence.</summary>
    internal static IReadOnlyList<Evidence> Notes(GroundingReport report, IdentifierAllowList allow)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var notes = new List<Evidence>();
        foreach (var id in report.Identifiers)
        {
            if (id.Grounded || allow.Allows(id.Text) || !seen.Add(id.Text)) continue;
            notes.Add(new Evidence(id.Span,
                $"{Rule.Id}: \"{id.Text}\" does not appear in the sources; check that it is right (no points deducted).",
                Rule.Severity));
        }
        return notes;
    }

    public string Describe() => Rule.Describe(": names with digits are in the sources (notes only)"
        + (_allowed.Count > 0 ? $", allowing {string.Join(", ", _allowed)}" : ""));
}
