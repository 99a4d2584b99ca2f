namespace RubricEngine.Segmentation;

/// <summary>
/// The questions' statements as TF-IDF vectors over words and word pairs (shingles of <see cref="WordForms"/>):
/// a prompt into which a student pasted a question's text is close to that statement and far from the others,
/// whatever the paste lost (line breaks, math, numbering). Cost per prompt: linear in its words and in the
/// statements' vocabulary it shares.
/// </summary>
internal sealed class StatementIndex
{
    // A term is a word (B null) or a pair of consecutive words: kept as the two strings, never concatenated.
    private readonly Dictionary<(string A, string? B), double> _idf = new();
    private readonly double _maxIdf;
    private readonly List<(QuestionPath Question, Dictionary<(string A, string? B), double> Vector, double Norm)> _statements = [];

    public StatementIndex(SegmenterOptions options)
    {
        var shingled = options.Statements
            .Where(s => !string.IsNullOrWhiteSpace(s.Value))
            .Select(s => (s.Key, Terms: Shingles(WordForms.Words(s.Value))))
            .ToList();
        var df = new Dictionary<(string, string?), int>();
        foreach (var (_, terms) in shingled)
            foreach (var (t, _) in terms) df[t] = df.GetValueOrDefault(t) + 1;
        foreach (var (t, n) in df) _idf[t] = Math.Log(1.0 + (double)shingled.Count / n);
        _maxIdf = Math.Log(1.0 + shingled.Count);
        foreach (var (question, terms) in shingled)
        {
            var vector = new Dictionary<(string, string?), double>();
            foreach (var (t, n) in terms)
                if (_idf.TryGetValue(t, out var idf)) vector[t] = (1 + Math.Log(n)) * idf;
            if (vector.Count > 0) _statements.Add((question, vector, Norm(vector.Values)));
        }
    }

    public bool IsEmpty => _statements.Count == 0;

    /// <summary>Every statement's similarity to <paramref name="words"/>, most similar first; empty when there are none.</summary>
    public List<StatementMatch> Rank(IReadOnlyList<string> words)
    {
        var ranked = new List<StatementMatch>(_statements.Count);
        if (_statements.Count == 0 || words.Count == 0) return ranked;
        var terms = Shingles(words);
        // The prompt's weights in term order (the order every sum below runs in, so results do not depend on it).
        var known = new List<((string, string?) Term, double Weight)>(terms.Count);
        var knownSquares = 0.0;
        var unknown = 0.0;
        foreach (var (t, n) in terms)
        {
            if (_idf.TryGetValue(t, out var idf))
            {
                var w = (1 + Math.Log(n)) * idf;
                known.Add((t, w));
                knownSquares += w * w;
            }
            else
            {
                // Words no statement has still count in the prompt's length, at the rarest weight: a prompt sharing
                // one word with a statement is not similar to it.
                unknown += Math.Pow((1 + Math.Log(n)) * _maxIdf, 2);
            }
        }
        if (known.Count == 0) return ranked;
        var norm = Math.Sqrt(Math.Sqrt(knownSquares) * Math.Sqrt(knownSquares) + unknown);
        foreach (var (question, s, sNorm) in _statements)
        {
            var dot = 0.0;
            foreach (var (t, w) in known)
                if (s.TryGetValue(t, out var v)) dot += w * v;
            ranked.Add(new StatementMatch(question, dot / (norm * sNorm)));
        }
        ranked.Sort((a, b) => b.Similarity.CompareTo(a.Similarity));
        return ranked;
    }

    /// <summary>The words and word pairs of <paramref name="words"/> with their counts, in first-seen order.</summary>
    private static List<((string A, string? B) Term, int Count)> Shingles(IReadOnlyList<string> words)
    {
        var index = new Dictionary<(string, string?), int>(words.Count * 2);
        var terms = new List<((string, string?) Term, int Count)>(words.Count * 2);
        void Count((string, string?) t)
        {
            if (index.TryGetValue(t, out var at)) terms[at] = (t, terms[at].Count + 1);
            else
            {
                index[t] = terms.Count;
                terms.Add((t, 1));
            }
        }
        for (var i = 0; i < words.Count; i++)
        {
            Count((words[i], null));
            if (i + 1 < words.Count) Count((words[i], words[i + 1]));
        }
        return terms;
    }

    private static double Norm(IEnumerable<double> weights)
    {
        var sum = 0.0;
        foreach (var w in weights) sum += w * w;
        return Math.Sqrt(sum);
    }
}
