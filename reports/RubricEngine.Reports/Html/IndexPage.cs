using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RubricEngine.Grading;

namespace RubricEngine.Reports.Html;

/// <summary>
/// <c>index.html</c>: the per-criterion summary (mean, pass rate, errors, a bar chart in inline SVG) and the
/// student table. The rows travel as one JSON blob in a <c>&lt;script type="application/json"&gt;</c> element
/// (never executed) and <c>review.js</c> renders them 100 at a time, so 10,000 students stay responsive.
/// </summary>
public static class IndexPage
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // The default encoder escapes < > & ' and non-ASCII: no student text can close the script element.
        Encoder = JavaScriptEncoder.Default,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    /// <summary>The page's HTML.</summary>
    public static string Render(ReportContext context, IReadOnlyList<IndexRow> rows, RunInfo? run, bool confidenceKnown)
    {
        var rules = context.Rules;
        var html = new StringBuilder(rows.Count * 160 + 8192);
        SitePage.Head(html, context.Rubric.Title + " · review", "assets/", katex: false);
        html.Append("<body class=\"index-page\">\n<header><h1>").Append(HtmlText.Escape(context.Rubric.Title)).Append("</h1>\n<p class=\"meta\">")
            .Append(rows.Count).Append(rows.Count == 1 ? " trace graded" : " traces graded");
        if (run is { Errors.Count: > 0 }) html.Append(", ").Append(run.Errors.Count).Append(" could not be graded");
        html.Append(" · rubric <code>").Append(HtmlText.Escape(Path.GetFileName(run?.RubricPath ?? ""))).Append("</code></p>\n</header>\n<main>\n");
        Summary(html, rules.Select(r => (r.Id, r.Title, r.Points)).ToList(), rows);

        html.Append("<section class=\"students\"><h2>Students</h2>\n<div class=\"controls\">\n")
            .Append("<label>search <input id=\"q\" type=\"search\" placeholder=\"id or name\"></label>\n")
            .Append("<label>criterion <select id=\"criterion\"><option value=\"\">any criterion</option>");
        for (var i = 0; i < rules.Count; i++)
            html.Append("<option value=\"").Append(i).Append("\">").Append(HtmlText.Escape(rules[i].Id + " " + rules[i].Title)).Append("</option>");
        html.Append("</select></label>\n<label><input id=\"failed\" type=\"checkbox\"> failed only</label>\n")
            .Append("<label").Append(confidenceKnown ? "" : " class=\"disabled\" title=\"this engine reports no attribution confidence\"")
            .Append("><input id=\"lowconf\" type=\"checkbox\"").Append(confidenceKnown ? "" : " disabled").Append("> low-confidence attribution only</label>\n")
            .Append("<span id=\"count\"></span>\n</div>\n<table id=\"students\">\n<thead><tr>")
            .Append("<th data-sort=\"s\">Student</th><th data-sort=\"n\">Name</th>");
        for (var i = 0; i < rules.Count; i++)
            html.Append("<th class=\"num\" data-sort=\"c").Append(i).Append("\" title=\"").Append(HtmlText.Escape(rules[i].Title)).Append("\">")
                .Append(HtmlText.Escape(rules[i].Id)).Append("</th>");
        html.Append("<th class=\"num\" data-sort=\"tot\">Total</th></tr></thead>\n<tbody></tbody>\n</table>\n")
            .Append("<nav class=\"pager\"><button id=\"prev\" type=\"button\">← previous</button> <span id=\"page\"></span> <button id=\"next\" type=\"button\">next →</button></nav>\n")
            .Append("<noscript><p>The student table needs JavaScript (our own review.js, bundled next to this page).</p></noscript>\n</section>\n</main>\n");

        var data = new
        {
            criteria = rules.Select(r => new { id = r.Id, title = Clean(r.Title), max = r.Points }),
            max = rules.Sum(r => r.Points),
            rows,
        };
        html.Append("<script type=\"application/json\" id=\"data\">").Append(JsonSerializer.Serialize(data, Json)).Append("</script>\n")
            .Append("<script src=\"assets/review.js\"></script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The summary table and its chart: mean (of graded), pass rate (full points), errors (not graded).</summary>
    private static void Summary(StringBuilder html, IReadOnlyList<(string Id, string Title, double Max)> rules, IReadOnlyList<IndexRow> rows)
    {
        html.Append("<section class=\"summary\"><h2>Criteria</h2>\n<table>\n<thead><tr><th>Rule</th><th>Criterion</th><th class=\"num\">Max</th><th class=\"num\">Mean</th><th class=\"num\">Pass rate</th><th class=\"num\">Errors</th></tr></thead>\n<tbody>\n");
        var stats = new List<(double Mean, double Pass)>();
        for (var i = 0; i < rules.Count; i++)
        {
            var graded = rows.Select(r => r.Points[i]).Where(p => p is not null).Select(p => p!.Value).ToList();
            var errors = rows.Count - graded.Count;
            var mean = graded.Count == 0 ? 0 : graded.Average();
            var pass = graded.Count == 0 ? 0 : graded.Count(p => p >= rules[i].Max) / (double)graded.Count;
            stats.Add((rules[i].Max <= 0 ? 0 : mean / rules[i].Max, pass));
            html.Append("<tr><td><code>").Append(HtmlText.Escape(rules[i].Id)).Append("</code></td><td>").Append(HtmlText.Escape(rules[i].Title))
                .Append("</td><td class=\"num\">").Append(HtmlText.Points(rules[i].Max)).Append("</td><td class=\"num\">")
                .Append(graded.Count == 0 ? "—" : HtmlText.Points(mean)).Append("</td><td class=\"num\">")
                .Append(graded.Count == 0 ? "—" : $"{Math.Round(pass * 100):0} %").Append("</td><td class=\"num").Append(errors > 0 ? " errors" : "").Append("\">")
                .Append(errors).Append("</td></tr>\n");
        }
        html.Append("</tbody></table>\n");
        Chart(html, rules.Select(r => r.Id).ToList(), stats);
        html.Append("</section>\n");
    }

    /// <summary>Two bars per criterion: mean as a share of max, and pass rate. Presentation attributes only (CSP forbids inline style).</summary>
    private static void Chart(StringBuilder html, IReadOnlyList<string> ids, IReadOnlyList<(double Mean, double Pass)> stats)
    {
        const int label = 90, width = 300, row = 26;
        var height = ids.Count * row + 24;
        html.Append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(label + width + 60).Append("\" height=\"").Append(height)
            .Append("\" role=\"img\" aria-label=\"mean score and pass rate per criterion\">\n");
        for (var i = 0; i < ids.Count; i++)
        {
            var y = i * row;
            var mean = (int)Math.Round(Math.Clamp(stats[i].Mean, 0, 1) * width);
            var pass = (int)Math.Round(Math.Clamp(stats[i].Pass, 0, 1) * width);
            html.Append("<text x=\"0\" y=\"").Append(y + 14).Append("\" class=\"label\">").Append(HtmlText.Escape(ids[i])).Append("</text>")
                .Append("<rect class=\"track\" x=\"").Append(label).Append("\" y=\"").Append(y + 2).Append("\" width=\"").Append(width).Append("\" height=\"16\"/>")
                .Append("<rect class=\"mean\" x=\"").Append(label).Append("\" y=\"").Append(y + 2).Append("\" width=\"").Append(mean).Append("\" height=\"10\"/>")
                .Append("<rect class=\"pass\" x=\"").Append(label).Append("\" y=\"").Append(y + 12).Append("\" width=\"").Append(pass).Append("\" height=\"6\"/>")
                .Append("<text x=\"").Append(label + width + 6).Append("\" y=\"").Append(y + 14).Append("\" class=\"value\">")
                .Append($"{Math.Round(stats[i].Mean * 100):0} %").Append("</text>\n");
        }
        var legend = ids.Count * row + 16;
        html.Append("<rect class=\"mean\" x=\"").Append(label).Append("\" y=\"").Append(legend - 9).Append("\" width=\"12\" height=\"10\"/><text x=\"").Append(label + 16)
            .Append("\" y=\"").Append(legend).Append("\" class=\"legend\">mean (share of max)</text><rect class=\"pass\" x=\"").Append(label + 160).Append("\" y=\"")
            .Append(legend - 7).Append("\" width=\"12\" height=\"6\"/><text x=\"").Append(label + 176).Append("\" y=\"").Append(legend)
            .Append("\" class=\"legend\">pass rate</text>\n</svg>\n");
    }

    /// <summary>Text for the JSON blob: lone surrogates and NUL replaced, so serialization never fails on student input.</summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (char.IsSurrogate(chars[i]) || chars[i] == '\0') chars[i] = '\uFFFD';
        }
        return new string(chars);
    }
}
