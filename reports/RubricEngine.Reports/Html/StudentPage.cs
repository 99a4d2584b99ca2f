using System.Text;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Html;

/// <summary>
/// One student's page: the criteria with points and comments, the conversation with every answer segment labelled
/// and every finding highlighted at its span, and a side panel listing the findings with a "fix" that copies a
/// ready line for <c>--overrides</c> or <c>--attribution</c>. Not thread-safe (its message renderer keeps one Markdig
/// renderer): one instance per thread.
/// </summary>
public sealed class StudentPage(ReportContext context, HtmlReviewOptions options)
{
    private readonly MessageRenderer _messages = new(SafeMarkdown.Default);

    /// <summary>The page's HTML.</summary>
    /// <param name="grade">The trace's grade (after overrides).</param>
    /// <param name="analysis">The trace parsed and segmented as it was graded; null when it is not available.</param>
    /// <param name="unavailable">Why the conversation is missing, when <paramref name="analysis"/> is null.</param>
    public string Render(TraceGrade grade, TraceAnalysis? analysis, string? unavailable)
    {
        var html = new StringBuilder(16 * 1024);
        RenderTo(html, grade, analysis, unavailable);
        return html.ToString();
    }

    /// <summary>Appends the page's HTML to <paramref name="html"/> (the site's workers reuse one builder for all their pages).</summary>
    /// <inheritdoc cref="Render" path="/param"/>
    public void RenderTo(StringBuilder html, TraceGrade grade, TraceAnalysis? analysis, string? unavailable)
    {
        var student = grade.Student;
        var title = student.Name is { Length: > 0 } name ? $"{name} ({student.Id})" : student.Id;
        SitePage.Head(html, title + " · " + context.Rubric.Title, "../assets/", katex: true);
        html.Append("<body class=\"student-page\">\n<header><a class=\"back\" href=\"../index.html\">← all students</a>\n<h1>")
            .AppendEscaped(title).Append("</h1>\n<p class=\"meta\">trace <code>").AppendEscaped(grade.TraceId)
            .Append("</code> · <code>").AppendEscaped(grade.File).Append("</code>");
        if (grade.Model is { } model) html.Append(" · model ").AppendEscaped(model);
        html.Append("</p>\n<p class=\"total\"><strong>").Append(HtmlText.Points(grade.Total)).Append("</strong> / ")
            .Append(HtmlText.Points(grade.Max)).Append(" points</p>\n</header>\n<div class=\"layout\">\n<main>\n");

        var findings = Number(grade);
        Criteria(html, grade);
        Conversation(html, grade, analysis, unavailable, findings);
        html.Append("</main>\n");
        Panel(html, grade, findings);
        html.Append("</div>\n<script src=\"../assets/katex/katex.min.js\"></script>\n<script src=\"../assets/review.js\"></script>\n</body>\n</html>\n");
    }

    private static List<PageFinding> Number(TraceGrade grade)
    {
        var list = new List<PageFinding>();
        foreach (var c in grade.Criteria)
            foreach (var f in c.Findings)
            {
                var lost = f.PointsLost > 0 ? $" · −{HtmlText.Points(f.PointsLost)} pt" : "";
                list.Add(new PageFinding(list.Count + 1, f, f.RuleId + lost));
            }
        return list;
    }

    private void Criteria(StringBuilder html, TraceGrade grade)
    {
        html.Append("<section class=\"criteria\"><h2>Criteria</h2>\n<table>\n<thead><tr><th>Rule</th><th>Criterion</th><th>Question</th><th>Points</th><th>Comment</th><th></th></tr></thead>\n<tbody>\n");
        foreach (var c in grade.Criteria)
        {
            var state = c.IsError && c.Override is null ? "error" : c.LostPoints ? "lost" : "full";
            html.Append("<tr class=\"").Append(state).Append("\"><td><code>").AppendEscaped(c.Rule.Id).Append("</code></td><td>")
                .AppendEscaped(c.Rule.Title).Append("</td><td>").AppendEscaped(c.Question?.ToString() ?? "—").Append("</td><td class=\"num\">");
            // "Not graded" is never shown as 0.
            if (state == "error") html.Append("<span class=\"badge error\">not graded</span>");
            else html.Append(HtmlText.Points(c.Points)).Append(" / ").Append(HtmlText.Points(c.MaxPoints));
            html.Append("</td><td>").AppendEscaped(c.Comment);
            if (c.Override is { } why) html.Append(" <span class=\"badge override\">override: ").AppendEscaped(why).Append("</span>");
            html.Append("</td><td>");
            FixOverride(html, grade.Student.Id, c.Rule.Id, c.MaxPoints, c.MaxPoints);
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    private void Conversation(StringBuilder html, TraceGrade grade, TraceAnalysis? analysis, string? unavailable, List<PageFinding> findings)
    {
        html.Append("<section class=\"conversation\"><h2>Conversation</h2>\n");
        if (analysis is null)
        {
            html.Append("<p class=\"warning\">The conversation cannot be shown: ").AppendEscaped(unavailable ?? "the trace was not read again").Append("</p></section>\n");
            return;
        }
        var trace = analysis.Trace;
        var byMessage = findings.Where(f => f.Finding.Location is not null).ToLookup(f => f.Finding.Location!.MessageIndex);
        var labels = Labels(grade, analysis).ToLookup(l => l.Message, l => l.Label);
        foreach (var message in trace.Messages)
        {
            var role = message.Role.ToString().ToLowerInvariant();
            html.Append("<article class=\"msg role-").Append(role).Append("\" id=\"m-").Append(message.Index).Append("\">\n<h3><span class=\"role\">")
                .Append(role).Append("</span> <span class=\"index\">message ").Append(message.Index).Append("</span>");
            if (message.Question is { } q) html.Append(" <span class=\"badge\">marked for ").AppendEscaped(q).Append("</span>");
            html.Append("</h3>\n");
            var document = message.Index < analysis.Documents.Count ? analysis.Documents[message.Index] : null;
            _messages.Render(html, message.Content, document, byMessage[message.Index].ToList(), labels[message.Index].ToList());
            foreach (var a in message.Annotations)
            {
                html.Append("<aside class=\"annotation\"><strong>Student's note");
                if (a.Quote is { Length: > 0 } quote) html.Append(" on “").AppendEscaped(quote).Append('”');
                html.Append(":</strong> ").AppendEscaped(a.Text).Append("</aside>\n");
            }
            html.Append("</article>\n");
        }
        html.Append("</section>\n");
    }

    private IEnumerable<(int Message, SegmentLabel Label)> Labels(TraceGrade grade, TraceAnalysis analysis)
    {
        var segments = analysis.Segmentation.Answers;
        var attempts = segments.GroupBy(s => s.Question).ToDictionary(g => g.Key, g => g.Max(s => s.Attempt));
        foreach (var s in segments)
        {
            var used = grade.Criteria.Where(c => c.Question == s.Question && c.AttemptUsed is not null).ToList();
            var graded = used.Any(c => c.AttemptUsed == s.Attempt);
            var low = options.LowConfidence?.Invoke(s);
            var label = new StringBuilder();
            label.Append("<div class=\"seg-label").Append(graded ? " graded" : "").Append(low is null ? "" : " low-confidence")
                .Append("\" data-q=\"").AppendEscaped(s.Question.ToString()).Append("\">Question <strong>")
                .AppendEscaped(s.Question.ToString()).Append("</strong> · attempt ").Append(s.Attempt).Append(" of ")
                .Append(attempts[s.Question]);
            if (graded) label.Append(" · <span class=\"badge graded\">graded</span>");
            else if (used.Count > 0) label.Append(" · not the graded attempt");
            if (low is not null) label.Append(" · <span class=\"badge low\">low confidence: ").AppendEscaped(low).Append("</span>");
            label.Append(' ');
            FixAttribution(label, grade.TraceId, s.MessageIndex, s.Question.ToString());
            label.Append("</div>\n");
            yield return (s.MessageIndex, new SegmentLabel(s.Span.Start, label.ToString()));
        }
    }

    private static void Panel(StringBuilder html, TraceGrade grade, List<PageFinding> findings)
    {
        html.Append("<aside id=\"panel\">\n<div id=\"fix\" hidden>\n<h2>Fix</h2>\n<label><span id=\"fix-value-label\">points</span> <input id=\"fix-value\"></label>\n")
            .Append("<label>reason <input id=\"fix-reason\"></label>\n<label>grader <input id=\"fix-grader\"></label>\n")
            .Append("<textarea id=\"fix-line\" readonly rows=\"2\"></textarea>\n<button id=\"fix-copy\" type=\"button\">copy line</button> <span id=\"fix-status\"></span>\n")
            .Append("<p class=\"hint\" id=\"fix-hint\"></p>\n</div>\n");
        html.Append("<h2>Findings (").Append(findings.Count).Append(")</h2>\n<ol class=\"findings\">\n");
        foreach (var f in findings)
        {
            var finding = f.Finding;
            html.Append("<li id=\"p-").Append(f.Number).Append("\" class=\"").Append(f.Classes).Append("\">");
            if (finding.Location is { } l)
                html.Append("<a class=\"go\" href=\"#f-").Append(f.Number).Append("\" data-f=\"").Append(f.Number).Append("\">").AppendEscaped(f.Label).Append("</a>");
            else
                html.Append("<span class=\"go\">").AppendEscaped(f.Label).Append("</span>");
            html.Append("<p>").AppendEscaped(finding.Message).Append("</p><p class=\"where\">");
            if (finding.Question is { } q) html.Append("question ").AppendEscaped(q.ToString()).Append(' ');
            if (finding.Attempt is { } a) html.Append("attempt ").Append(a).Append(finding.IsGradedAttempt ? " (graded) " : " (not graded) ");
            html.Append(finding.Location is { } loc ? $"message {loc.MessageIndex}, {loc.Start}" : "no text location").Append("</p>");
            if (finding.Suppression is { } why) html.Append("<p><span class=\"badge override\">suppressed by override: ").AppendEscaped(why).Append("</span></p>");
            var criterion = grade.Criteria.FirstOrDefault(c => c.Findings.Contains(finding));
            if (criterion is not null && finding.PointsLost > 0)
                FixOverride(html, grade.Student.Id, finding.RuleId, Math.Min(criterion.MaxPoints, criterion.Points + finding.PointsLost), criterion.MaxPoints);
            html.Append("</li>\n");
        }
        html.Append("</ol>\n</aside>\n");
    }

    private static void FixOverride(StringBuilder html, string student, string rule, double points, double max) =>
        html.Append("<button type=\"button\" class=\"fix\" data-kind=\"override\" data-student=\"").AppendEscaped(student)
            .Append("\" data-rule=\"").AppendEscaped(rule).Append("\" data-points=\"").Append(HtmlText.Points(points))
            .Append("\" data-max=\"").Append(HtmlText.Points(max)).Append("\">fix</button>");

    private static void FixAttribution(StringBuilder html, string traceId, int message, string question) =>
        html.Append("<button type=\"button\" class=\"fix\" data-kind=\"attribution\" data-trace=\"").AppendEscaped(traceId)
            .Append("\" data-message=\"").Append(message).Append("\" data-question=\"").AppendEscaped(question).Append("\">fix attribution</button>");
}
