using RubricEngine.Traces;

namespace RubricEngine.Segmentation;

/// <summary>
/// A TA's fixes (<c>--attribution fixes.csv</c>), by trace: a fix names a trace by its id or its student's id, name
/// or email (case-insensitive), a message number (from 0, as <c>rubric show</c> prints it), and the question that
/// message answers (null: none). The segmenter takes each fix as decisive evidence.
/// </summary>
public sealed class AttributionFixSet
{
    private readonly Dictionary<string, List<AttributionFix>> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An empty set.</summary>
    public static AttributionFixSet Empty { get; } = new([]);

    public AttributionFixSet(IEnumerable<(string Trace, AttributionFix Fix)> fixes)
    {
        foreach (var (key, fix) in fixes)
        {
            if (!_byKey.TryGetValue(key.Trim(), out var list)) _byKey[key.Trim()] = list = [];
            list.RemoveAll(f => f.Message == fix.Message);
            list.Add(fix);
        }
    }

    public int Count => _byKey.Values.Sum(l => l.Count);

    /// <summary>Every fix with the trace key it was given for, in key then message order.</summary>
    public IEnumerable<(string Trace, AttributionFix Fix)> All =>
        _byKey.OrderBy(k => k.Key, StringComparer.OrdinalIgnoreCase).SelectMany(k => k.Value.OrderBy(f => f.Message).Select(f => (k.Key, f)));

    /// <summary>The fixes that apply to <paramref name="trace"/> (by trace id first, then the student's id, name, email).</summary>
    public IReadOnlyList<AttributionFix> For(Trace trace)
    {
        if (_byKey.Count == 0) return [];
        foreach (var key in new[] { trace.Id, trace.Student.Id, trace.Student.Name, trace.Student.Email })
        {
            if (key is null || !_byKey.TryGetValue(key, out var fixes)) continue;
            lock (_used) _used.Add(key);
            return fixes;
        }
        return [];
    }

    /// <summary>The trace keys no graded trace matched (a typo, a student not in this batch).</summary>
    public IEnumerable<string> Unused()
    {
        lock (_used) return _byKey.Keys.Where(k => !_used.Contains(k)).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
