using RubricEngine.Documents;
using RubricEngine.Traces;

namespace RubricEngine.Segmentation;

/// <summary>
/// Finds which blocks of which assistant messages answer which question, on which attempt. Linear in the size of
/// the trace; thread-safe (all state is per call).
/// <list type="bullet">
/// <item><b>Markers</b> (<see cref="QuestionMarkers"/>) come from headings, bold lead-ins and "Part (b):" lead-ins of
/// replies, and from anywhere in user prompts. Relative markers resolve against the question under discussion.</item>
/// <item><b>Context</b>: a user prompt naming questions ("Solve problem 3(b)", "retry problem 4", "for (i), …", a
/// rubric alias) sets what the next reply answers; a prompt naming none leaves the question the last reply ended on.
/// A reply right after another reply continues the question the first ended on. <see cref="Message.Question"/>
/// (attribution in the export) wins: the message is about that question and markers can only narrow it.</item>
/// <item><b>Depth</b>: text goes to the closest declared question — 3.b.ii when declared, else its declared ancestor
/// 3.b. Text under a problem holding several declared questions (problem 4 with 4.a, 4.b) waits for a sub-marker;
/// if none comes before the reply moves on or ends, it goes to the first declared question of that problem (4.a).
/// A short lead-in sentence before the first marker ("Sure! Here are both parts:") belongs to no answer.</item>
/// <item><b>Attempts</b>: the first message answering a question is attempt 1, each later one the next attempt.
/// One message gives at most one segment per question.</item>
/// <item><b>Restatements</b>: a table (or a list under a "Summary"/"Final answers" heading) after the last answer,
/// whose rows name questions answered in the same reply or that sits under such a heading, goes to
/// <see cref="AnswerSegment.Restatements"/>, out of the answers' blocks. Closing pleasantries and thematic breaks
/// belong to no answer.</item>
/// </list>
/// </summary>
public sealed class Segmenter
{
    private const int MaxPreambleWords = 40;

    private readonly QuestionCatalog _catalog;
    private readonly QuestionMarkers _markers;
    private readonly BlockMarkers _blockMarkers;
    private readonly MarkerResolver _resolver;

    public Segmenter(SegmenterOptions options)
    {
        Options = options;
        _catalog = new QuestionCatalog(options.Questions);
        _markers = new QuestionMarkers(options);
        _blockMarkers = new BlockMarkers(_markers);
        _resolver = new MarkerResolver(_catalog);
    }

    public SegmenterOptions Options { get; }

    /// <summary>The recognizer this segmenter reads markers with (aliases and named problems included).</summary>
    public QuestionMarkers Markers => _markers;

    /// <summary>Segments <paramref name="trace"/>; <paramref name="documents"/> are its messages parsed, by index.</summary>
    public TraceSegmentation Segment(Trace trace, IReadOnlyList<MessageDocument> documents)
    {
        var answers = new List<AnswerSegment>();
        var attempts = new Dictionary<QuestionPath, int>();
        var renumbered = new Dictionary<string, string>(StringComparer.Ordinal);
        QuestionPath? discussion = null;

        for (var index = 0; index < trace.Messages.Count && index < documents.Count; index++)
        {
            var message = trace.Messages[index];
            var explicitQuestion = ExplicitQuestion(message);
            if (message.Role == Role.User)
            {
                discussion = explicitQuestion ?? PromptFocus(message.Content, discussion, renumbered) ?? discussion;
                continue;
            }
            if (message.Role != Role.Assistant) continue;

            var reply = new ReplySegmenter(this, documents[index], explicitQuestion ?? discussion, explicitQuestion, renumbered);
            reply.Run();
            foreach (var (question, blocks, restatements) in reply.Results())
            {
                var attempt = attempts[question] = attempts.GetValueOrDefault(question) + 1;
                answers.Add(new AnswerSegment(question, attempt, index, blocks) { Restatements = restatements });
            }
            discussion = reply.Current ?? discussion;
        }
        return new TraceSegmentation(answers);
    }

    private static QuestionPath? ExplicitQuestion(Message message)
    {
        if (string.IsNullOrWhiteSpace(message.Question)) return null;
        try
        {
            return new QuestionPath(message.Question);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// What a prompt asks about: the markers it names, relative ones read against its first absolute marker or the
    /// discussion; the deepest path shared by the most specific of them ("problem 4 … (a) … (b)" → 4).
    /// </summary>
    internal QuestionPath? PromptFocus(string prompt, QuestionPath? discussion, IReadOnlyDictionary<string, string> renumbered)
    {
        var found = _markers.FindAll(prompt);
        if (found.Count == 0) return null;
        QuestionMarker? firstAbsolute = null;
        for (var i = 0; i < found.Count && firstAbsolute is null; i++)
            if (!found[i].IsRelative) firstAbsolute = found[i];
        var context = firstAbsolute is null ? discussion : _resolver.Resolve(firstAbsolute with { Parts = [], Alias = null }, null, renumbered);
        var paths = new List<QuestionPath>();
        QuestionPath? aliasDefault = null;
        for (var i = 0; i < found.Count; i++)
        {
            var marker = found[i];
            var isAliasOnly = marker.Alias is not null && marker.Parts.Count == 0;
            // An alias names its problem here; its own question only if nothing narrower is asked.
            var path = isAliasOnly ? new QuestionPath(marker.Problem!) : _resolver.Resolve(marker, context, renumbered);
            if (isAliasOnly) aliasDefault ??= marker.Alias;
            if (path is null || !_catalog.Knows(path)) continue;
            paths.Add(path);
            context = path;
        }
        if (paths.Count == 0) return null;
        var leaves = Leaves(paths);
        var focus = CommonPrefix(leaves) ?? leaves[0];
        if (aliasDefault is not null && focus.Parts.Count == 1 && focus.Problem == aliasDefault.Problem) focus = aliasDefault;
        return focus;
    }

    /// <summary>The distinct paths with no deeper path inside them, in first-seen order.</summary>
    private static List<QuestionPath> Leaves(List<QuestionPath> paths)
    {
        var leaves = new List<QuestionPath>(paths.Count);
        foreach (var p in paths)
        {
            var covered = false;
            foreach (var o in paths)
                if (o.Parts.Count > p.Parts.Count && o.IsWithin(p)) { covered = true; break; }
            if (!covered && !leaves.Contains(p)) leaves.Add(p);
        }
        return leaves;
    }

    private static QuestionPath? CommonPrefix(List<QuestionPath> paths)
    {
        var length = int.MaxValue;
        foreach (var p in paths) length = Math.Min(length, p.Parts.Count);
        var first = paths[0];
        var shared = 0;
        while (shared < length && SharePart(paths, shared)) shared++;
        if (shared == 0) return null;
        // The first `shared` parts of a normalized value are its prefix up to the shared-th dot (or all of it).
        if (shared == first.Parts.Count) return first;
        var end = -1;
        for (var i = 0; i < shared; i++) end = first.Value.IndexOf('.', end + 1);
        return new QuestionPath(first.Value[..end]);
    }

    private static bool SharePart(List<QuestionPath> paths, int index)
    {
        var part = paths[0].Parts[index];
        foreach (var p in paths)
            if (p.Parts[index] != part) return false;
        return true;
    }

    /// <summary>Segments one reply. Holds the per-reply state; used once.</summary>
    private sealed class ReplySegmenter(Segmenter owner, MessageDocument document, QuestionPath? start, QuestionPath? scope, Dictionary<string, string> renumbered)
    {
        private readonly Dictionary<QuestionPath, List<Block>> _answers = new();
        private readonly Dictionary<QuestionPath, List<Block>> _restatements = new();
        private readonly List<QuestionPath> _order = [];
        private readonly List<Block> _pending = [];
        private QuestionPath? _pendingOwner;
        private bool _pendingIsContainer;
        private QuestionPath? _direct;

        /// <summary>The question the reply ended on (the next reply or prompt continues from it).</summary>
        public QuestionPath? Current { get; private set; } = start;

        public void Run()
        {
            var blocks = document.Blocks;
            var end = blocks.Count;
            while (end > 0 && (blocks[end - 1].Kind == BlockKind.ThematicBreak || ClosingRemarks.IsClosing(blocks[end - 1]))) end--;
            var recap = RecapStart(blocks, end);

            EnterPending(Current);
            for (var i = 0; i < recap; i++) Take(blocks[i]);

            if (recap < end && !TryRestate(blocks, recap, end))
                for (var i = recap; i < end; i++) Take(blocks[i]);
            FlushPending(assign: true);
        }

        public IEnumerable<(QuestionPath, IReadOnlyList<Block>, IReadOnlyList<Block>)> Results()
        {
            foreach (var q in _order)
            {
                var blocks = _answers[q];
                if (blocks.Count == 0) continue;
                blocks.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
                yield return (q, blocks, _restatements.TryGetValue(q, out var r) ? r : []);
            }
        }

        private void Take(Block block)
        {
            if (block.Kind == BlockKind.ThematicBreak) return;
            var marker = owner._blockMarkers.MarkerOf(block, document);
            var path = marker is null ? null : owner._resolver.Resolve(marker, Current, renumbered);
            if (path is not null && scope is not null && !path.IsWithin(scope))
                path = scope.IsWithin(path) ? scope : null;
            if (path is null)
            {
                if (_direct is not null) Add(_direct, block);
                else _pending.Add(block);
                return;
            }

            if (marker!.NumberedAs is { } number && marker.Problem is { } named) renumbered[number] = named;
            var attribution = owner._catalog.Attribute(path);
            // A preamble joins the answer that follows when it is that answer's, or substantial; otherwise it is chatter.
            FlushPending(assign: (!_pendingIsContainer && attribution.Question == _pendingOwner) || IsSubstantial(_pending));
            Current = path;
            // A bare title ("## Machine Translation") introduces its problem like "## Problem 6" does: it joins
            // the aliased question only when no part marker follows.
            var titleOnly = marker.Alias is not null && marker.Parts.Count == 0;
            if (attribution.Kind == AttributionKind.Question && !titleOnly)
            {
                _direct = attribution.Question;
                Add(_direct!, block);
            }
            else
            {
                EnterPending(path);
                _pendingIsContainer |= titleOnly;
                _pending.Add(block);
            }
        }

        private void EnterPending(QuestionPath? path)
        {
            _direct = null;
            var attribution = owner._catalog.Attribute(path);
            _pendingOwner = attribution.Question;
            _pendingIsContainer = attribution.Kind == AttributionKind.Container;
        }

        private void FlushPending(bool assign)
        {
            if (assign && _pendingOwner is not null)
                foreach (var b in _pending) Add(_pendingOwner, b);
            _pending.Clear();
        }

        private void Add(QuestionPath question, Block block)
        {
            if (!_answers.TryGetValue(question, out var list))
            {
                _answers[question] = list = [];
                _order.Add(question);
            }
            list.Add(block);
        }

        private static bool IsSubstantial(List<Block> blocks)
        {
            var words = 0;
            foreach (var b in blocks)
            {
                if (b.Kind is not (BlockKind.Paragraph or BlockKind.Heading)) return true;
                words += ClosingRemarks.WordCount(b.PlainText);
            }
            return words > MaxPreambleWords;
        }

        /// <summary>Where a closing recap (tables or a summary list, maybe under a summary heading) starts; <paramref name="end"/> if none.</summary>
        private int RecapStart(IReadOnlyList<Block> blocks, int end)
        {
            var i = end;
            while (i > 0 && blocks[i - 1].Kind is BlockKind.Table or BlockKind.ListItem) i--;
            if (i == end) return end;
            var hasTable = false;
            for (var j = i; j < end; j++) hasTable |= blocks[j].Kind == BlockKind.Table;
            if (i > 0 && SummaryHeadings.IsSummaryHeading(blocks[i - 1], document, owner._markers)) return i - 1;
            if (!hasTable) return end;
            // Without a heading only the trailing tables are candidates; list items before them are answers.
            while (i < end && blocks[i].Kind != BlockKind.Table) i++;
            return i;
        }

        /// <summary>Attaches the recap in [from, to) to the answers it restates; false when it restates none.</summary>
        private bool TryRestate(IReadOnlyList<Block> blocks, int from, int to)
        {
            if (_order.Count == 0 && _pending.Count == 0) return false;
            var headed = SummaryHeadings.IsSummaryHeading(blocks[from], document, owner._markers);
            var answered = new HashSet<QuestionPath>(_order);
            if (_pendingOwner is not null && _pending.Count > 0) answered.Add(_pendingOwner);
            var matched = new List<(Block Block, QuestionPath Question)>();
            var context = Current;
            for (var i = headed ? from + 1 : from; i < to; i++)
            {
                var block = blocks[i];
                var rows = block.Kind == BlockKind.Table ? block.Cells.Skip(1).ToList() : [[block.PlainText]];
                foreach (var row in rows)
                {
                    foreach (var cell in row.Take(2))
                    {
                        var marker = owner._markers.ReadLeadIn(cell);
                        var path = marker is null ? null : owner._resolver.Resolve(marker, context, renumbered);
                        if (path is null) continue;
                        context = path;
                        var q = owner._catalog.Attribute(path).Question;
                        if (q is not null && answered.Contains(q)) matched.Add((block, q));
                        break;
                    }
                }
            }
            // Under a summary heading a table restates every answer of the reply; a bare list must name them.
            var tables = blocks.Skip(from).Take(to - from).Where(b => b.Kind == BlockKind.Table).ToList();
            if (matched.Count == 0 && !(headed && tables.Count > 0)) return false;
            FlushPending(assign: true);
            var targets = matched.Count > 0 ? matched : tables.SelectMany(b => _order.Select(q => (b, q))).ToList();
            foreach (var (block, q) in targets.Distinct())
            {
                if (!_restatements.TryGetValue(q, out var list)) _restatements[q] = list = [];
                if (!list.Contains(block)) list.Add(block);
            }
            // Blocks of the recap that restate nothing (a lead-in line, an unmatched row list) belong to no answer.
            return true;
        }
    }
}
