using System.Globalization;
using RubricEngine.Checks;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Grading;

/// <summary>
/// Grades traces against one rubric: parse → segment → run every check on every attempt → score by the rubric's
/// attempt policy. Thread-safe; holds no per-trace state.
/// </summary>
internal sealed class Grader
{
    private const int ExcerptLength = 160;
    private readonly RubricDefinition _rubric;
    private readonly Segmenter _segmenter;
    private readonly IRuleRunner _runner;
    private readonly MarkdownDocumentParser _parser = MarkdownDocumentParser.Default;

    private readonly AttributionFixSet _fixes;

    /// <param name="rubric">The rubric.</param>
    /// <param name="runner">Runs each rule (time limits, exceptions); the default catches exceptions.</param>
    /// <param name="fixes">A TA's attribution fixes (<c>--attribution</c>), applied before grading.</param>
    public Grader(RubricDefinition rubric, IRuleRunner? runner = null, AttributionFixSet? fixes = null)
    {
        _rubric = rubric;
        _segmenter = new Segmenter(rubric.SegmenterOptions);
        _runner = runner ?? CatchingRuleRunner.Instance;
        _fixes = fixes ?? AttributionFixSet.Empty;
    }

    public RubricDefinition Rubric => _rubric;

    /// <summary>Parses and segments a trace without grading it (what <c>rubric show</c> prints).</summary>
    public TraceAnalysis Analyze(Trace trace)
    {
        var documents = new MessageDocument[trace.Messages.Count];
        for (var i = 0; i < documents.Length; i++) documents[i] = _parser.Parse(trace.Messages[i].Content);
        return new TraceAnalysis(trace, documents, _segmenter.Segment(trace, documents, _fixes.For(trace)), _rubric.Sources);
    }

    /// <summary>Grades one trace.</summary>
    public TraceGrade Grade(Trace trace) => _runner.Supervise(() => GradeAnalyzed(Analyze(trace)));

    /// <summary>
    /// Grades one trace like <see cref="Grade(Trace)"/> and also returns the analysis it graded, so a report that
    /// shows the conversation (the review site) does not read, parse and segment the trace a second time.
    /// </summary>
    public (TraceGrade Grade, TraceAnalysis Analysis) GradeKeepingAnalysis(Trace trace)
    {
        TraceAnalysis? analysis = null;
        // Inside the supervised work, as in Grade(Trace): a trace graded again after a stuck rule is analyzed again.
        var grade = _runner.Supervise(() => GradeAnalyzed(analysis = Analyze(trace)));
        return (grade, analysis!);
    }

    /// <summary>Grades a trace already parsed and segmented.</summary>
    public TraceGrade Grade(TraceAnalysis analysis) => _runner.Supervise(() => GradeAnalyzed(analysis));

    private TraceGrade GradeAnalyzed(TraceAnalysis analysis)
    {
        var results = new List<CriterionResult>();
        var earned = new Dictionary<(QuestionPath Question, int Attempt), double>();
        var nonAnswers = new Dictionary<Answer, NonAnswerFinding?>(ReferenceEqualityComparer.Instance);
        analysis.SetGradedAttempts(_rubric.Policy == Attempt.Best ? null : GradedAttempts(analysis, earned));
        foreach (var criterion in _rubric.Criteria)
            if (criterion.Rule.IsActive) results.Add(GradeCriterion(criterion, analysis, earned, nonAnswers));
        // Custom rules run after the criteria, so under Best they know which attempt counts.
        if (_rubric.Policy == Attempt.Best) analysis.SetGradedAttempts(GradedAttempts(analysis, earned));
        foreach (var rule in _rubric.CustomRules)
            if (rule.Rule.IsActive) results.Add(GradeCustomRule(rule, analysis));
        var t = analysis.Trace;
        return new TraceGrade(t.Id, t.File, t.Student, t.Assignment, t.Model, results);
    }

    /// <summary>
    /// The attempt that counts per question for answers outside a criterion (custom rules): the first, the last, or
    /// the one whose criteria earned most (<paramref name="earned"/>; ties to the earlier attempt).
    /// </summary>
    private Dictionary<QuestionPath, int> GradedAttempts(TraceAnalysis analysis, Dictionary<(QuestionPath Question, int Attempt), double> earned)
    {
        var graded = new Dictionary<QuestionPath, int>();
        foreach (var answer in analysis.Answers)
        {
            var q = answer.Question;
            if (!graded.TryGetValue(q, out var current)) { graded[q] = answer.Attempt; continue; }
            var better = _rubric.Policy switch
            {
                Attempt.Last => answer.Attempt > current,
                Attempt.Best => earned.GetValueOrDefault((q, answer.Attempt)) > earned.GetValueOrDefault((q, current))
                                || (earned.GetValueOrDefault((q, answer.Attempt)) == earned.GetValueOrDefault((q, current)) && answer.Attempt < current),
                _ => answer.Attempt < current,
            };
            if (better) graded[q] = answer.Attempt;
        }
        return graded;
    }

    private CriterionResult GradeCriterion(CriterionDefinition criterion, TraceAnalysis analysis,
        Dictionary<(QuestionPath Question, int Attempt), double> earned, Dictionary<Answer, NonAnswerFinding?> nonAnswers)
    {
        var rule = criterion.Rule;
        // A follow-up (a short reply to a side question, a reply continuing the one before) belongs to its attempt
        // and is never graded in its place: under Attempt.Last it must not replace the real answer.
        var attempts = analysis.Answers.Where(a => a.Question == criterion.Question && !a.Segment.IsFollowUp).OrderBy(a => a.Attempt).ToList();
        if (attempts.Count == 0 && Declined(analysis, criterion.Question) is { } declined)
        {
            // The question was asked and the reply declined it: say so, at the refusal, rather than "no answer found".
            var doc = analysis.Documents[declined.MessageIndex];
            var span = doc.Blocks.Count > 0 ? doc.Blocks[0].Span : new TextSpan(0, doc.Text.Length);
            var message = $"This reply is not an answer to {criterion.Question}: it declines to answer (\u201c{Excerpt(doc.Text, span)}\u201d), so it earns no points here.";
            return new CriterionResult(rule, criterion.Question, 0, message)
            {
                Findings =
                [
                    new Finding(rule.Id, rule.Severity, message, analysis.LocationOf(declined.MessageIndex, span))
                    {
                        Question = criterion.Question, PointsLost = rule.Points, Excerpt = Excerpt(doc.Text, span),
                    },
                ],
            };
        }
        if (attempts.Count == 0)
        {
            var message = $"No answer to question {criterion.Question} was found in the conversation.";
            return new CriterionResult(rule, criterion.Question, 0, message)
            {
                Findings = [new Finding(rule.Id, rule.Severity, message, null) { Question = criterion.Question, PointsLost = rule.Points }],
            };
        }

        var outcomes = new List<(Answer Answer, CheckResult? Result, string? Error)>(attempts.Count);
        foreach (var answer in attempts)
        {
            // A refusal or an empty reply complies with nothing: no criterion of its question passes vacuously on it.
            if (!nonAnswers.TryGetValue(answer, out var found)) nonAnswers[answer] = found = NonAnswer.Find(answer);
            if (found is { } non)
            {
                var why = $"This reply is not an answer to {criterion.Question}: {non.Reason}, so it earns no points here.";
                outcomes.Add((answer, CheckResult.Fail(why, new Evidence(non.Span, $"Not an answer to {criterion.Question}: {non.Reason}.")), null));
                continue;
            }
            var ok = _runner.TryRun(rule, () => criterion.Check.Evaluate(answer), out var result, out var error);
            outcomes.Add((answer, ok ? Sanitize(result) : null, ok ? null : error));
        }

        foreach (var (answer, result, _) in outcomes)
            earned[(answer.Question, answer.Attempt)] = earned.GetValueOrDefault((answer.Question, answer.Attempt)) + rule.Points * (result?.Score ?? 0);
        var graded = SelectAttempt(outcomes.Select(o => o.Result?.Score ?? 0).ToList());
        var (usedAnswer, usedResult, usedError) = outcomes[graded];
        var points = usedResult is null ? 0 : Round(rule.Points * usedResult.Score);
        var lost = rule.Points - points;
        var firstPass = outcomes.FindIndex(o => o.Result is { Passed: true });

        var findings = new List<Finding>();
        for (var i = 0; i < outcomes.Count; i++)
            findings.AddRange(FindingsOf(rule, outcomes[i].Answer, outcomes[i].Result, outcomes[i].Error, i == graded, i == graded ? lost : 0));

        var comment = usedError is not null
            ? $"This criterion could not be graded automatically ({usedError}); course staff will grade it by hand."
            : lost > 0 ? usedResult!.Message : "";
        if (outcomes.Count > 1 && comment.Length > 0)
            comment += $" (Graded attempt {graded + 1} of {outcomes.Count}.)";

        return new CriterionResult(rule, criterion.Question, points, comment)
        {
            AttemptUsed = usedAnswer.Attempt,
            Attempts = outcomes.Count,
            RepromptsBeforePass = firstPass < 0 ? null : firstPass,
            Findings = findings,
            IsError = usedError is not null,
        };
    }

    /// <summary>The first reply that declined <paramref name="question"/> (or the problem or part holding it).</summary>
    private static DeclinedReply? Declined(TraceAnalysis analysis, QuestionPath question)
    {
        foreach (var d in analysis.Segmentation.Declined)
            if (question.IsWithin(d.Question)) return d;
        return null;
    }

    private static CheckResult? Sanitize(CheckResult? result) =>
        result is null ? null : double.IsFinite(result.Score) ? result with { Score = Math.Clamp(result.Score, 0, 1) } : result with { Score = 0 };

    private int SelectAttempt(IReadOnlyList<double> scores)
    {
        switch (_rubric.Policy)
        {
            case Attempt.Last:
                return scores.Count - 1;
            case Attempt.Best:
                var best = 0;
                for (var i = 1; i < scores.Count; i++) if (scores[i] > scores[best]) best = i;
                return best;
            default:
                return 0;
        }
    }

    private static IEnumerable<Finding> FindingsOf(RuleDescriptor rule, Answer answer, CheckResult? result, string? error, bool graded, double lost)
    {
        Finding Make(Severity severity, string message, TextSpan span, double pointsLost) =>
            new(rule.Id, severity, message, answer.LocationOf(span))
            {
                Question = answer.Question,
                Attempt = answer.Attempt,
                IsGradedAttempt = graded,
                Excerpt = Excerpt(answer.Document.Text, span),
                PointsLost = pointsLost,
            };

        var head = answer.Blocks.Count > 0 ? answer.Blocks[0].Span : answer.Span;
        if (error is not null)
        {
            yield return Make(Severity.Error, $"The rule failed: {error}", head, lost);
            yield break;
        }
        if (result is null) yield break;

        var deducting = result.Evidence.Count(e => (e.Severity ?? rule.Severity) is Severity.Warning or Severity.Error);
        if (deducting == 0 && !result.Passed)
        {
            // Points were lost but no piece of evidence carries them: the comment itself is the finding, at the
            // answer's first block, so every lost point still points at text.
            yield return Make(rule.Severity, result.Message, head, lost);
        }
        foreach (var e in result.Evidence)
        {
            var severity = e.Severity ?? rule.Severity;
            var costs = !result.Passed && severity is Severity.Warning or Severity.Error;
            yield return Make(severity, e.Message, e.Span, costs && deducting > 0 ? Round(lost / deducting) : 0);
        }
    }

    private CriterionResult GradeCustomRule(CustomRuleDefinition definition, TraceAnalysis analysis)
    {
        var rule = definition.Rule;
        var findings = new List<Finding>();
        var ok = _runner.TryRun(rule, () =>
        {
            RunCustomActions(definition, analysis, findings);
            return true;
        }, out _, out var error);

        if (!ok)
        {
            var message = $"This rule could not be graded automatically ({error}); course staff will grade it by hand.";
            return new CriterionResult(rule, null, 0, message)
            {
                IsError = true,
                Findings = [new Finding(rule.Id, Severity.Error, $"The rule failed: {error}", null) { PointsLost = rule.Points }],
            };
        }

        // Like the built-in checks': a finding on an attempt that does not count is shown but costs nothing.
        var costly = findings.Where(f => (f.Severity is Severity.Warning or Severity.Error) && f.IsGradedAttempt).ToList();
        var points = costly.Count == 0 ? rule.Points : 0;
        var withExcerpts = findings.Select(f => f with
        {
            Excerpt = f.Location is { } l ? Excerpt(analysis.Documents[l.MessageIndex].Text, l.Span) : null,
            PointsLost = costly.Contains(f) ? Round(rule.Points / costly.Count) : 0,
        }).ToList();
        var comment = costly.Count == 0 ? "" : string.Join(" ", costly.Select(f => f.Message).Distinct().Select(EndSentence));
        return new CriterionResult(rule, null, points, comment) { Findings = withExcerpts };
    }

    private static void RunCustomActions(CustomRuleDefinition definition, TraceAnalysis analysis, List<Finding> findings)
    {
        var rule = definition.Rule;
        var actions = definition.Actions;
        foreach (var action in actions.TraceActions) action(new TraceContext(rule, analysis, findings));
        foreach (var action in actions.MessageActions)
            foreach (var message in analysis.Trace.Messages)
                if (message.Role == Role.Assistant) action(new MessageContext(rule, analysis, findings, message));
        foreach (var action in actions.AnswerActions)
            foreach (var answer in analysis.Answers)
                action(new AnswerContext(rule, analysis, findings, answer));
    }

    private static string EndSentence(string s) => s.EndsWith('.') || s.EndsWith('!') || s.EndsWith('?') ? s : s + ".";

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>The text of <paramref name="span"/> on one line, cut to a readable length.</summary>
    internal static string Excerpt(string text, TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, text.Length);
        var length = Math.Clamp(span.Length, 0, text.Length - start);
        var slice = text.AsSpan(start, Math.Min(length, ExcerptLength * 2));
        var builder = new System.Text.StringBuilder(Math.Min(slice.Length, ExcerptLength + 1));
        var lastWasSpace = false;
        foreach (var c in slice)
        {
            var space = char.IsWhiteSpace(c);
            if (space && lastWasSpace) continue;
            builder.Append(space ? ' ' : c);
            lastWasSpace = space;
            if (builder.Length >= ExcerptLength) break;
        }
        var excerpt = builder.ToString().Trim();
        return length > ExcerptLength && excerpt.Length >= ExcerptLength - 1 ? excerpt + "…" : excerpt;
    }

    internal static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
