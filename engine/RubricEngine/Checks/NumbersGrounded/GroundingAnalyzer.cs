using System.Runtime.CompilerServices;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Checks;

/// <summary>
/// Extracts the numeric claims and identifiers of an answer and looks each up in the grounding texts. Indexes the
/// rubric's sources once per analyzer and each trace's texts at most once per trace, only when a claim is not in the rubric's sources; safe to share between threads.
/// </summary>
internal sealed class GroundingAnalyzer
{
    private readonly ConditionalWeakTable<Trace, GroundingIndex> _traceIndexes = new();
    private readonly Lock _rubricLock = new();
    private volatile RubricIndexEntry? _rubricIndex;

    /// <param name="includeMath">Also read numbers inside formulas (a formula that is just a quantity, like $2.8 \times 10^9$, always counts).</param>
    public GroundingAnalyzer(bool includeMath = false) => IncludeMath = includeMath;

    public bool IncludeMath { get; }

    public GroundingReport Analyze(Answer answer)
    {
        var rubric = RubricIndex(answer.RubricSources);
        var rubricIndex = rubric.Index;
        // The lookups below are a union, rubric sources first: the trace's own texts are indexed (once per trace) only
        // when some claim is not in the rubric's sources, which for a grounded answer is never. A text the rubric
        // already indexes (the blog attached as given) adds nothing to the trace's index.
        GroundingIndex? traceIndex = null;
        GroundingIndex TraceIndex() => traceIndex ??= _traceIndexes.GetValue(answer.Trace, _ => GroundingIndex.Build(answer.GroundingTexts.Where(t => !rubric.Texts.Contains(t))));
        var numbers = new List<NumericClaim>();
        var identifiers = new List<IdentifierClaim>();
        var quantities = new List<Quantity>();
        var tokens = new List<IdentifierToken>();
        var blocks = answer.Blocks;
        // A reply that says it cannot see the material did not round the material's figures: only exact ones count.
        var exactly = NonAnswer.DeclinesSources(answer);
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block.Kind is BlockKind.Code or BlockKind.ThematicBreak or BlockKind.Html) continue;
            if (block.Kind == BlockKind.DisplayMath && !IncludeMath) continue;
            var view = ProseView.Build([block], (_, inline) => Render(inline));
            quantities.Clear();
            tokens.Clear();
            var mode = block.Kind == BlockKind.Heading ? NumberScanner.Mode.Heading : NumberScanner.Mode.Claims;
            NumberScanner.Scan(view.Text, mode, quantities, tokens);
            List<Quantity>? operands = null;
            foreach (var q in quantities)
            {
                var things = CountsThings(view.Text, q);
                var grounded = rubricIndex.Grounds(q, exactly, things) || TraceIndex().Grounds(q, exactly, things)
                    || (!exactly && DerivedFigures.IsComputed(q, operands ??= DerivedFigures.Operands(answer, b, o => rubricIndex.Grounds(o) || TraceIndex().Grounds(o))));
                numbers.Add(new NumericClaim(Clean(view.Text.AsSpan(q.Start, q.End - q.Start)), view.SpanOf(q.Start, q.End), grounded)
                {
                    Key = DerivedFigures.Key(q),
                    SameNumberElsewhere = !grounded && (rubricIndex.HasNumber(q.Value) || TraceIndex().HasNumber(q.Value)),
                });
            }
            foreach (var id in tokens)
            {
                var grounded = rubricIndex.Contains(id.Text) || TraceIndex().Contains(id.Text);
                identifiers.Add(new IdentifierClaim(id.Text, view.SpanOf(id.Start, id.End), grounded));
            }
        }
        return new GroundingReport(numbers, identifiers) { DeclinesSources = exactly };
    }

    /// <summary>A bare number followed by a word ("3 remaining tricks", "4 GPUs"): it counts the things that word names.</summary>
    private static bool CountsThings(string text, Quantity q)
    {
        if (q.Dimension != Dimension.Count) return false;
        var k = q.End;
        if (k < text.Length && text[k] == ' ') k++;
        return k < text.Length && char.IsLetter(text[k]);
    }

    private string? Render(Inline inline)
    {
        if (inline.Kind == InlineKind.Code) return " ";
        var text = TexText.Normalize(inline.Text);
        if (IncludeMath) return " " + text + " ";
        if (IsQuantity(text)) return text.Trim();
        return ComputedResult(text) is { } result ? " " + result + " " : " ";
    }

    /// <summary>
    /// "$1 - 0.8^3 \approx 49\%$", "$2100 / 341 \approx 6.2$": a computation on numbers states its result as a claim,
    /// the quantity after its last "=" or "≈"; "$k = 2$" and "$T(n) = 2T(n/2) + n$" state none.
    /// </summary>
    private static string? ComputedResult(string normalized)
    {
        var at = normalized.AsSpan().LastIndexOfAny('=', '≈');
        if (at <= 0 || at + 1 >= normalized.Length) return null;
        var left = normalized.AsSpan(0, at);
        if (left.IndexOfAnyInRange('0', '9') < 0 || left.IndexOfAny("×·/+-−^*") < 0 || left.ContainsAny("{}")) return null;
        var right = normalized[(at + 1)..].Trim();
        return IsQuantity(right) ? right : null;
    }

    /// <summary>True when a formula is just a quantity ("2.8 × 10^{9}", "94%", "~6 min"), not an equation.</summary>
    private static bool IsQuantity(string normalized)
    {
        var trimmed = normalized.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 64) return false;
        var found = new List<Quantity>(2);
        NumberScanner.Scan(trimmed, NumberScanner.Mode.Source, found, null);
        return found.Count == 1 && found[0].Start == 0 && found[0].End == trimmed.Length;
    }

    private RubricIndexEntry RubricIndex(IReadOnlyList<SourceText> sources)
    {
        // The rubric's sources are the same list for every trace: index them once (rebuilt only if another list shows up).
        var cached = _rubricIndex;
        if (cached is not null && ReferenceEquals(cached.Sources, sources)) return cached;
        lock (_rubricLock)
        {
            if (_rubricIndex is { } again && ReferenceEquals(again.Sources, sources)) return again;
            var index = sources.Count == 0 ? GroundingIndex.Empty : GroundingIndex.Build(sources.Select(s => s.Text));
            var entry = new RubricIndexEntry(sources, index, sources.Select(s => s.Text).ToHashSet(StringComparer.Ordinal));
            _rubricIndex = entry;
            return entry;
        }
    }

    private sealed record RubricIndexEntry(IReadOnlyList<SourceText> Sources, GroundingIndex Index, HashSet<string> Texts);

    private static string Clean(ReadOnlySpan<char> text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch)) { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
