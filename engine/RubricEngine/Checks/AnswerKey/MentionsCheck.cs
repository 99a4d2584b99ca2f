using Humanizer;
using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>
/// RE0008: the answer mentions required concepts. A concept is a phrase with optional synonyms separated by
/// '|' ("different lengths|variable length"). Matching ignores case, respects word boundaries and tolerates simple
/// plurals and endings ("reorders", "reordering" match "reordering"; "alignment" matches "align").
/// </summary>
public sealed class MentionsCheck : IBuiltInCheck
{
    /// <summary>RE0008's catalog entry: its id, name, title and doc page are written here and nowhere else.</summary>
    public static BuiltInRule Rule { get; } = new(
        "RE0008", "Mentions", "Required concepts",
        "The answer mentions required concepts (synonyms, plurals and case tolerated).",
        "AnswerKey/RE0008.md");

    BuiltInRule IBuiltInCheck.Rule => Rule;

    private readonly Concept[] _concepts;

    public MentionsCheck(MentionMode mode, IEnumerable<string> concepts)
    {
        Mode = mode;
        _concepts = concepts.Where(c => !string.IsNullOrWhiteSpace(c)).Select(Concept.Parse).Where(c => c.Phrases.Count > 0).ToArray();
        if (_concepts.Length == 0) throw new RubricDefinitionException("Mentions: give at least one concept, e.g. .Mentions(\"reordering\").");
    }

    public MentionMode Mode { get; }

    private sealed record Concept(string Name, IReadOnlyList<string[]> Phrases)
    {
        public static Concept Parse(string spec)
        {
            var alternatives = spec.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var phrases = alternatives.Select(a => AnswerTokenizer.Tokenize(a).Select(Stemmer.Stem).ToArray()).Where(p => p.Length > 0).ToList();
            return new Concept(alternatives.FirstOrDefault() ?? spec.Trim(), phrases);
        }
    }

    public CheckResult Evaluate(Answer answer)
    {
        var words = AnswerTokenizer.Tokenize(answer.Document.Text, answer.Blocks).Select(t => Stemmer.Stem(t.Text)).ToArray();
        var missing = _concepts.Where(c => !c.Phrases.Any(p => Contains(words, p))).ToList();
        var names = _concepts.Select(c => $"\"{c.Name}\"").ToList();
        if (Mode == MentionMode.Any)
        {
            return missing.Count < _concepts.Length
                ? CheckResult.Pass($"Mentions {_concepts.Except(missing).Select(c => $"\"{c.Name}\"").Humanize("and")}.")
                : CheckResult.Fail(_concepts.Length == 1
                    ? $"The answer does not mention {names[0]}."
                    : $"The answer mentions none of {names.Humanize("or")}.");
        }
        if (missing.Count == 0) return CheckResult.Pass($"Mentions {names.Humanize("and")}.");
        var score = (double)(_concepts.Length - missing.Count) / _concepts.Length;
        return CheckResult.Partial(score, $"The answer does not mention {missing.Select(c => $"\"{c.Name}\"").Humanize("or")}.");
    }

    private static bool Contains(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            var j = 0;
            while (j < phrase.Length && words[i + j] == phrase[j]) j++;
            if (j == phrase.Length) return true;
        }
        return false;
    }

    public string Describe() => Rule.Describe($" {(Mode == MentionMode.Any ? "any" : "all")} of: {string.Join(", ", _concepts.Select(c => c.Name))}");
}
