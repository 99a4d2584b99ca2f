namespace RubricEngine.Segmentation;

/// <summary>A statement that a pasted text resembles, with the cosine similarity of the two.</summary>
internal readonly record struct StatementMatch(QuestionPath Question, double Similarity);

/// <summary>
/// The questions' statements as TF-IDF vectors over words and word pairs (shingles of <see cref="WordForms"/>):
/// a prompt into which a student pasted a question's text is close to that statement and far from the others,
/// whatever the paste lost (line breaks, math, numbering). Cost per prompt: linear in its words and in the
/// statements' vocabulary it shares.
/// </summary>
internal sealed class StatementIndex
{
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly double _maxIdf;
    private readonly List<(QuestionPath Question, Dictionary<string, double> Vector, double Norm)> _statements = [];

    public StatementIndex(SegmenterOptions options)
    {
        var shingled = options.Statements
            .Where(s => !string.IsNullOrWhiteSpace(s.Value))
            .Select(s => (s.Key, Terms: Shingles(WordForms.Words(s.Value))))
            .ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, terms) in shingled)
            foreach (var t in terms.Keys) df[t] = df.GetValueOrDefault(t) + 1;
        foreach (var (t, n) in df) _idf[t] = Math.Log(1.0 + (double)shingled.Count / n);
        _maxIdf = Math.Log(1.0 + shingled.Count);
        foreach (var (question, terms) in shingled)
        {
            var vector = Weigh(terms);
            if (vector.Count > 0) _statements.Add((question, vector, Norm(vector)));
        }
    }

    public bool IsEmpty => _statements.Count == 0;

    /// <summary>Every statement's similarity to <paramref name="words"/>, most similar first; empty when there are none.</summary>
    public List<StatementMatch> Rank(IReadOnlyList<string> words)
    {
        var ranked = new List<StatementMatch>();
        if (_statements.Count == 0 || words.Count == 0) return ranked;
        var terms = Shingles(words);
        var vector = Weigh(terms);
        if (vector.Count == 0) return ranked;
        // Words no statement has still count in the prompt's length, at the rarest weight: a prompt sharing one
        // word with a statement is not similar to it.
        var known = Norm(vector);
        var unknown = 0.0;
        foreach (var (t, n) in terms)
            if (!vector.ContainsKey(t)) unknown += Math.Pow((1 + Math.Log(n)) * _maxIdf, 2);
        var norm = Math.Sqrt(known * known + unknown);
        foreach (var (question, s, sNorm) in _statements)
        {
            var dot = 0.0;
            foreach (var (t, w) in vector)
                if (s.TryGetValue(t, out var v)) dot += w * v;
            ranked.Add(new StatementMatch(question, dot / (norm * sNorm)));
        }
        ranked.Sort((a, b) => b.Similarity.CompareTo(a.Similarity));
        return ranked;
    }

    private static Dictionary<string, int> Shingles(IReadOnlyList<string> words)
    {
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            terms[words[i]] = terms.GetValueOrDefault(words[i]) + 1;
            if (i + 1 < words.Count)
            {
                var pair = words[i] + " " + words[i + 1];
                terms[pair] = terms.GetValueOrDefault(pair) + 1;
            }
        }
        return terms;
    }

    /// <summary>Sub-linear term frequency times idf; terms no statement has carry no weight (they cannot match).</summary>
    private Dictionary<string, double> Weigh(Dictionary<string, int> terms)
    {
        var vector = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (t, n) in terms)
            if (_idf.TryGetValue(t, out var idf)) vector[t] = (1 + Math.Log(n)) * idf;
        return vector;
    }

    private static double Norm(Dictionary<string, double> vector)
    {
        var sum = 0.0;
        foreach (var w in vector.Values) sum += w * w;
        return Math.Sqrt(sum);
    }
}
