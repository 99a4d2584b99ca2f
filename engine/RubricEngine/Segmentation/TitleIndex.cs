namespace RubricEngine.Segmentation;

/// <summary>
/// The names questions go by — the rubric's titles and aliases, and the headings replies gave them earlier in the
/// conversation — matched word by word (<see cref="WordForms"/>): a title matches a text holding most of its words,
/// in any order. One index per rubric; <see cref="Learned"/> holds one conversation's headings.
/// </summary>
internal sealed class TitleIndex
{
    private readonly List<Entry> _entries = [];

    internal sealed record Entry(QuestionPath Question, string Title, string[] Words);

    public TitleIndex(SegmenterOptions options)
    {
        foreach (var (question, title) in options.Titles) Add(_entries, question, title);
        // An alias names its whole problem: "Machine Translation" on mt.b is the title of mt.
        foreach (var (alias, question) in options.Aliases) Add(_entries, new QuestionPath(question.Problem), alias);
    }

    public bool IsEmpty => _entries.Count == 0;

    private static void Add(List<Entry> entries, QuestionPath question, string title)
    {
        var words = WordForms.Words(title).Distinct().ToArray();
        if (words.Length > 0) entries.Add(new Entry(question, title.Trim(), words));
    }

    /// <summary>A conversation's own headings for questions ("(i) First-Order Optimality Conditions" → 3.b.i).</summary>
    public sealed class Learned
    {
        private readonly List<Entry> _entries = [];
        private readonly List<(QuestionPath Question, string Title)> _pending = [];
        private readonly HashSet<(QuestionPath, string)> _seen = [];

        /// <summary>Remembers a heading; its words are read only when a prompt is compared with it.</summary>
        public void Add(QuestionPath question, string title)
        {
            if (_seen.Count < 512 && _seen.Add((question, title))) _pending.Add((question, title));
        }

        internal List<Entry> Entries
        {
            get
            {
                foreach (var (question, title) in _pending)
                    if (WordForms.Words(title).Count >= 2) TitleIndex.Add(_entries, question, title);
                _pending.Clear();
                return _entries;
            }
        }
    }

    /// <summary>
    /// The best title in <paramref name="words"/> (a text's <see cref="WordForms.Words"/>) holding at least
    /// <paramref name="minFraction"/> of a title's words (two words at least, unless the title has one), or null.
    /// A title matched whole wins over one matched in part, then more words matched, then the larger fraction, then the later-learned heading, then the rubric's order.
    /// </summary>
    public TitleMatch? Best(IReadOnlyCollection<string> words, Learned? learned, double minFraction)
    {
        if (words.Count == 0) return null;
        var set = words as HashSet<string> ?? new HashSet<string>(words, StringComparer.Ordinal);
        TitleMatch? best = null;
        void Try(Entry e)
        {
            var matched = 0;
            foreach (var w in e.Words) if (set.Contains(w)) matched++;
            var fraction = (double)matched / e.Words.Length;
            if (fraction < minFraction || matched < Math.Min(2, e.Words.Length)) return;
            var whole = matched == e.Words.Length;
            if (best is { } b && b.Fraction >= 1 != whole ? b.Fraction >= 1 : best is { } c && (c.Matched > matched || (c.Matched == matched && c.Fraction >= fraction))) return;
            best = new TitleMatch(e.Question, e.Title, matched, fraction);
        }
        if (learned is not null)
        {
            var entries = learned.Entries;
            for (var i = entries.Count - 1; i >= 0; i--) Try(entries[i]);
        }
        foreach (var e in _entries) Try(e);
        return best;
    }
}
