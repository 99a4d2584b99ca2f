using System.Globalization;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Testing;

/// <summary>
/// Runs a rubric's fixtures like analyzer tests: grades each stripped fixture trace and compares findings with the
/// marks and points with <c>expect</c>.
/// </summary>
/// <remarks>
/// What must be marked: every finding with a location, on the graded attempt, with severity Warning or Error.
/// Info findings and findings on attempts that do not count are optional: marking one checks it, leaving it
/// unmarked is fine. A rule that fails (throws, times out) always fails the fixture.
/// </remarks>
internal sealed class RubricTestRunner(RubricDefinition rubric, Func<string, Trace> readTrace, IRuleRunner? runner = null)
{
    private const double Tolerance = 0.005;
    private readonly Grader _grader = new(rubric, runner);

    /// <summary>Runs every fixture under the rubric's <c>fixtures/</c> folder.</summary>
    public RubricTestReport RunAll(string rubricPath) => new(RubricFixture.Discover(rubricPath).Select(Run).ToList());

    /// <summary>Runs one fixture file; a fixture that cannot be read is a failed test saying why.</summary>
    public FixtureResult Run(string fixtureFile)
    {
        RubricFixture fixture;
        try
        {
            fixture = RubricFixture.Load(fixtureFile, readTrace);
        }
        catch (Exception e) when (e is IOException or FormatException or System.Text.Json.JsonException or InvalidDataException or UnauthorizedAccessException)
        {
            return new FixtureResult(fixtureFile, [new FixtureFailure(FailureKind.Unreadable, "", e.Message)]);
        }
        return Run(fixture);
    }

    /// <summary>Grades <paramref name="fixture"/> and compares.</summary>
    public FixtureResult Run(RubricFixture fixture)
    {
        var grade = _grader.Grade(fixture.Trace);
        var texts = fixture.Trace.Messages.ToDictionary(m => m.Index, m => m.Content);
        var failures = new List<FixtureFailure>();

        foreach (var broken in grade.Criteria.Where(c => c.IsError))
            failures.Add(new FixtureFailure(FailureKind.RuleFailed, broken.Rule.Id, broken.Findings.FirstOrDefault()?.Message ?? broken.Comment));

        var pool = grade.Findings.Where(f => f.Location is not null && !f.RuleId.Equals("", StringComparison.Ordinal)).ToList();
        var unmatched = new List<FixtureMark>();
        foreach (var mark in fixture.Marks)
        {
            var hit = pool.FirstOrDefault(f => Same(f, mark) && f.Location!.Span == mark.Span);
            if (hit is not null) pool.Remove(hit);
            else unmatched.Add(mark);
        }
        foreach (var mark in unmatched)
        {
            var text = texts.GetValueOrDefault(mark.MessageIndex, "");
            var near = pool.Where(f => Same(f, mark)).OrderBy(f => Math.Abs(f.Location!.Span.Start - mark.Span.Start)).FirstOrDefault();
            var expected = $"message {mark.MessageIndex} ({Position(text, mark.Span.Start)}) \"{Slice(text, mark.Span)}\"";
            if (near is null)
            {
                failures.Add(new FixtureFailure(FailureKind.Missing, mark.RuleId, $"missing finding at {expected}")
                {
                    Expected = FixtureMarkup.RenderLine(text, mark.Span, mark.RuleId),
                });
                continue;
            }
            pool.Remove(near);
            var span = near.Location!.Span;
            failures.Add(new FixtureFailure(FailureKind.WrongSpan, mark.RuleId,
                $"finding at another span: expected {expected}, actual ({Position(text, span.Start)}) \"{Slice(text, span)}\": {near.Message}")
            {
                Expected = FixtureMarkup.RenderLine(text, mark.Span, mark.RuleId),
                Actual = FixtureMarkup.RenderLine(text, span, near.RuleId),
            });
        }
        foreach (var extra in pool.Where(MustBeMarked))
        {
            var text = texts.GetValueOrDefault(extra.Location!.MessageIndex, "");
            var span = extra.Location.Span;
            failures.Add(new FixtureFailure(FailureKind.Unexpected, extra.RuleId,
                $"unexpected finding at message {extra.Location.MessageIndex} ({Position(text, span.Start)}) \"{Slice(text, span)}\": {extra.Message}")
            {
                Actual = FixtureMarkup.RenderLine(text, span, extra.RuleId),
            });
        }

        foreach (var (id, points) in fixture.ExpectedPoints.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var result = grade.Criteria.FirstOrDefault(c => c.Rule.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
            if (result is null)
                failures.Add(new FixtureFailure(FailureKind.Points, id, $"expect names {id}, which the rubric does not grade (unknown or disabled)"));
            else if (Math.Abs(result.Points - points) > Tolerance)
                failures.Add(new FixtureFailure(FailureKind.Points, id,
                    $"points: expected {Format(points)}, actual {Format(result.Points)} of {Format(result.MaxPoints)}"
                    + (result.Comment.Length > 0 ? $" — {result.Comment}" : "")));
        }
        return new FixtureResult(fixture.File, failures) { Grade = grade };
    }

    private static bool Same(Finding f, FixtureMark mark) =>
        f.RuleId.Equals(mark.RuleId, StringComparison.OrdinalIgnoreCase) && f.Location!.MessageIndex == mark.MessageIndex;

    private static bool MustBeMarked(Finding f) => f.IsGradedAttempt && f.Severity is Severity.Warning or Severity.Error;

    private static string Position(string text, int offset) => LineMap.Build(text).GetPosition(offset).ToString();

    private static string Slice(string text, TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, text.Length);
        var slice = text[start..Math.Clamp(span.End, start, text.Length)].ReplaceLineEndings("⏎");
        return slice.Length > 80 ? slice[..79] + "…" : slice;
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
