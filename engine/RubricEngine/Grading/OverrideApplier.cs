using System.Collections.Concurrent;
using System.Globalization;
using RubricEngine.Rubrics;

namespace RubricEngine.Grading;

/// <summary>
/// Applies manual overrides after automatic grading, before any report sees the grade (as Roslyn applies
/// suppressions before a logger sees a diagnostic); <see cref="Hosting.GradingSession"/> runs it. A row matches a grade when its student is the trace's student
/// id, email or trace id (ignoring case), and its rule is one of the grade's criteria. Points are replaced (clamped to
/// 0..max, with a warning); <c>suppress</c> waives the criterion's findings (<see cref="Finding.Suppression"/>) and
/// restores full points. Either way <see cref="CriterionResult.Override"/> becomes "reason (grader)".
/// Thread-safe: grades may be overridden in parallel; <see cref="Unused"/> is read after the run.
/// </summary>
internal sealed class OverrideApplier
{
    private readonly Dictionary<string, List<ManualOverride>> _byStudent = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyList<ManualOverride> _all;
    private readonly ConcurrentDictionary<ManualOverride, bool> _used = new(ReferenceEqualityComparer.Instance);

    public OverrideApplier(IEnumerable<ManualOverride> overrides)
    {
        _all = overrides.ToList();
        foreach (var o in _all)
        {
            if (!_byStudent.TryGetValue(o.Student, out var list)) _byStudent[o.Student] = list = [];
            list.Add(o);
        }
    }

    /// <summary>Errors for rows naming a rule the rubric does not have (checked once, before the run).</summary>
    public IReadOnlyList<OverrideDiagnostic> Validate(RubricDefinition rubric)
    {
        var ids = rubric.Rules.Select(r => r.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return _all.Where(o => !ids.Contains(o.RuleId))
            .Select(o => new OverrideDiagnostic(o.File, o.Line, Severity.Error, $"rule '{o.RuleId}' is not in the rubric; the row is ignored."))
            .ToList();
    }

    /// <summary>Rows that matched no graded trace (a typo in the student id?), in file order. Read after the run.</summary>
    public IReadOnlyList<OverrideDiagnostic> Unused() =>
        _all.Where(o => !_used.ContainsKey(o))
            .Select(o => new OverrideDiagnostic(o.File, o.Line, Severity.Warning,
                $"no graded trace matched student '{o.Student}' with rule '{o.RuleId}'; the override was not applied."))
            .ToList();

    /// <summary>Applies the overrides for <paramref name="grade"/>'s student; returns a new grade (the input is unchanged).</summary>
    public OverrideOutcome Apply(TraceGrade grade)
    {
        var candidates = new[] { grade.Student.Id, grade.Student.Email, grade.TraceId }
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => k!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(k => _byStudent.TryGetValue(k, out var list) ? list : [])
            .Distinct()
            .OrderBy(o => o.Line)
            .ToList();
        if (candidates.Count == 0) return new OverrideOutcome(grade, [], []);

        var warnings = new List<OverrideDiagnostic>();
        var applied = new List<ManualOverride>();
        var criteria = grade.Criteria.ToList();
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in candidates)
        {
            var index = criteria.FindIndex(c => string.Equals(c.Rule.Id, o.RuleId, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                // Not graded for this trace (unknown or disabled rule): leave it for Unused/Validate to report.
                continue;
            }
            _used[o] = true;
            if (!done.Add(o.RuleId))
            {
                warnings.Add(Warn(o, $"{grade.File}: rule '{o.RuleId}' was already overridden for this trace by an earlier row; this row is ignored."));
                continue;
            }
            criteria[index] = Override(criteria[index], o, grade, warnings);
            applied.Add(o);
        }
        return new OverrideOutcome(grade with { Criteria = criteria }, warnings, applied);
    }

    private static CriterionResult Override(CriterionResult c, ManualOverride o, TraceGrade grade, List<OverrideDiagnostic> warnings)
    {
        if (o.Suppress)
        {
            return c with
            {
                Points = c.MaxPoints,
                Comment = "",
                Override = o.Justification,
                Findings = c.Findings.Select(f => f with { Suppression = o.Justification, PointsLost = 0 }).ToList(),
            };
        }

        var points = o.Points!.Value;
        var clamped = Math.Clamp(points, 0, Math.Max(0, c.MaxPoints));
        if (clamped != points)
        {
            warnings.Add(Warn(o, string.Create(CultureInfo.InvariantCulture,
                $"{grade.File}: {points} points is outside 0..{c.MaxPoints} for {c.Rule.Id}; {clamped} was awarded.")));
        }
        return c with { Points = clamped, Override = o.Justification };
    }

    private static OverrideDiagnostic Warn(ManualOverride o, string message) => new(o.File, o.Line, Severity.Warning, message);
}
