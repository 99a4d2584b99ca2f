using System.Text;
using System.Text.RegularExpressions;
using RubricEngine.Documents;
using RubricEngine.Reports.Html;
using RubricEngine.Rubrics;
using RubricEngine.Text;

namespace RubricEngine.Tests.Reports.Html;

/// <summary>
/// The review site's HTML without a browser: untrusted text escaped, links and images sanitized, and each finding's
/// highlight on exactly the characters of its span. Expected findings are marked in the input (<c>{|HW7-03:~18 hours|}</c>).
/// </summary>
public sealed class HtmlRenderingTests
{
    private static readonly Regex Marker = new(@"\{\|(?<rule>[A-Z0-9-]+):(?<text>.*?)\|\}", RegexOptions.Singleline);

    /// <summary>The text without markers, and one finding per marker at its exact span.</summary>
    private static (string Text, List<PageFinding> Findings, List<string> Expected) Markup(string markup)
    {
        var text = new StringBuilder();
        var findings = new List<PageFinding>();
        var expected = new List<string>();
        var at = 0;
        foreach (Match m in Marker.Matches(markup))
        {
            text.Append(markup, at, m.Index - at);
            var start = text.Length;
            text.Append(m.Groups["text"].Value);
            var span = TextSpan.FromBounds(start, text.Length);
            var finding = new Finding(m.Groups["rule"].Value, Severity.Warning, $"{m.Groups["text"].Value} is not in the sources.",
                new Location("t.json", 1, span, default, default)) { PointsLost = 0.5 };
            findings.Add(new PageFinding(findings.Count + 1, finding, finding.RuleId + " · −0.5 pt"));
            expected.Add(m.Groups["text"].Value);
            at = m.Index + m.Length;
        }
        text.Append(markup, at, markup.Length - at);
        return (text.ToString(), findings, expected);
    }

    private static string Render(string text, IReadOnlyList<PageFinding> findings, IReadOnlyList<SegmentLabel>? labels = null)
    {
        var html = new StringBuilder();
        new MessageRenderer(SafeMarkdown.Default).Render(html, text, MarkdownDocumentParser.Default.Parse(text), findings, labels ?? []);
        return html.ToString();
    }

    /// <summary>The text under each finding's marks, decoded, by finding number.</summary>
    private static Dictionary<int, string> MarkedText(string html)
    {
        var result = new Dictionary<int, string>();
        foreach (Match m in Regex.Matches(html, "<mark class=\"[^\"]*\" data-f=\"(?<f>[0-9 ]+)\" title=\"[^\"]*\">(?<t>.*?)</mark>", RegexOptions.Singleline))
            foreach (var f in m.Groups["f"].Value.Split(' ').Select(int.Parse))
                result[f] = result.GetValueOrDefault(f, "") + System.Net.WebUtility.HtmlDecode(m.Groups["t"].Value);
        return result;
    }

    [Test]
    public void Each_highlight_covers_exactly_the_characters_of_its_finding()
    {
        var (text, findings, expected) = Markup(
            "## 4(a) Figures\n\n**Step 1.** The blog trains in {|HW7-03:~18 hours|} on 8 GPUs.\n\n" +
            "- accuracy: {|HW7-03:68%|} on the test set\n- time: $t = 341\\,\\text{s}$\n\n" +
            "| metric | value |\n|---|---|\n| speedup | {|HW7-03:3.5x|} |\n");
        var marked = MarkedText(Render(text, findings));
        Assert.That(Enumerable.Range(1, findings.Count).Select(i => marked.GetValueOrDefault(i)), Is.EqualTo(expected));
    }

    [Test]
    public void Overlapping_findings_each_keep_their_own_span()
    {
        var (text, _, _) = Markup("The answer uses 94% accuracy in 341 seconds.");
        Finding At(int start, int length, string rule) => new(rule, Severity.Warning, "x", new Location("t", 0, new TextSpan(start, length), default, default));
        var outer = At(text.IndexOf("94%", StringComparison.Ordinal), "94% accuracy in 341".Length, "HW7-03");
        var inner = At(text.IndexOf("341", StringComparison.Ordinal), 3, "HW7-04");
        var marked = MarkedText(Render(text, [new PageFinding(1, outer, "HW7-03"), new PageFinding(2, inner, "HW7-04")]));
        Assert.That(marked[1], Is.EqualTo("94% accuracy in 341"));
        Assert.That(marked[2], Is.EqualTo("341"));
    }

    [Test]
    public void A_finding_over_markup_characters_is_shown_as_written()
    {
        // Emphasis, math and code markers inside a span: the highlight shows what the student's export holds.
        var (text, findings, expected) = Markup("Intro paragraph.\n\nSo {|HW7-01:**$W = U\\Sigma$** and `svd(X)`|} give the result.\n\nLast paragraph.");
        var html = Render(text, findings);
        Assert.That(MarkedText(html)[1], Is.EqualTo(expected[0]));
        Assert.That(html, Does.Contain("<p>Intro paragraph.</p>"), "blocks without findings are rendered Markdown");
    }

    [Test]
    public void A_span_in_a_code_block_or_a_long_line_is_highlighted_in_place()
    {
        var (text, findings, expected) = Markup("```python\nloss = nn.{|HW7-08:CrossEntropyLoss|}()\n```\n\n" + new string('w', 5000) + " {|HW7-04:over|} the limit");
        Assert.That(Enumerable.Range(1, 2).Select(i => MarkedText(Render(text, findings))[i]), Is.EqualTo(expected));
    }

    [Test]
    public void Segment_labels_stand_before_the_block_where_their_segment_starts()
    {
        const string text = "Intro.\n\n**(a)** First answer.\n\n**(b)** Second answer.";
        var html = Render(text, [], [new SegmentLabel(text.IndexOf("**(b)", StringComparison.Ordinal), "<div class=\"seg-label\">B</div>"),
            new SegmentLabel(text.IndexOf("**(a)", StringComparison.Ordinal), "<div class=\"seg-label\">A</div>")]);
        Assert.That(html.IndexOf(">A<", StringComparison.Ordinal), Is.GreaterThan(html.IndexOf("Intro.", StringComparison.Ordinal)).And.LessThan(html.IndexOf("First answer", StringComparison.Ordinal)));
        Assert.That(html.IndexOf(">B<", StringComparison.Ordinal), Is.GreaterThan(html.IndexOf("First answer", StringComparison.Ordinal)).And.LessThan(html.IndexOf("Second answer", StringComparison.Ordinal)));
    }

    [TestCase("<script>window.__pwned = 1</script>")]
    [TestCase("<img src=x onerror=\"window.__pwned = 1\">")]
    [TestCase("<iframe src=\"https://evil.example\"></iframe>")]
    [TestCase("<svg onload=alert(1)>")]
    public void Raw_html_in_a_message_is_shown_as_text(string hostile)
    {
        var html = SafeMarkdown.Default.ToHtml("Before\n\n" + hostile + "\n\nand inline " + hostile + " too.");
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("<iframe").And.Not.Contain("<svg"));
        Assert.That(html, Does.Contain("&lt;"));
    }

    [TestCase("[click me](javascript:window.__pwned=1)")]
    [TestCase("[click me](JaVaScRiPt:alert(1))")]
    [TestCase("[click me](java\tscript:alert(1))")]
    [TestCase("[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [TestCase("[click me](vbscript:msgbox)")]
    [TestCase("[click me](../../index.html)")]
    [TestCase("<javascript:alert(1)>")]
    [TestCase("[click me][r]\n\n[r]: javascript:alert(1)")]
    public void A_link_that_could_run_code_or_leave_the_site_is_shown_as_text(string markdown)
    {
        var html = SafeMarkdown.Default.ToHtml(markdown);
        Assert.That(html, Does.Not.Contain("<a "), html);
        Assert.That(html, Does.Not.Contain("href"), html);
    }

    [Test]
    public void A_web_link_is_kept_with_noopener_and_an_image_becomes_its_alt_text()
    {
        var html = SafeMarkdown.Default.ToHtml("See [the blog](https://example.org/post) and ![loss curve](https://evil.example/track.png) or ![](data:image/png;base64,AAAA).");
        Assert.That(html, Does.Contain("<a href=\"https://example.org/post\" rel=\"nofollow noopener noreferrer\">the blog</a>"));
        Assert.That(html, Does.Not.Contain("<img").And.Not.Contain("evil.example"));
        Assert.That(html, Does.Contain("[image: loss curve]").And.Contain("[image]"));
    }

    [Test]
    public void Math_is_left_as_escaped_tex_for_katex()
    {
        var html = SafeMarkdown.Default.ToHtml("Inline $a < b$ and \\(x^2\\) and\n\n$$\n\\frac{1}{2} </script>\n$$\n\n\\[\n\\mathbf{W}\n\\]");
        Assert.That(html, Does.Contain("<span class=\"math\">\\(a &lt; b\\)</span>"));
        Assert.That(html, Does.Contain("<span class=\"math\">\\(x^2\\)</span>"));
        Assert.That(html, Does.Contain("&lt;/script&gt;").And.Not.Contain("</script>"));
        Assert.That(html, Does.Contain("<div class=\"math\">\\[\\mathbf{W}\\]</div>"));
    }

    [Test]
    public void Text_escaping_replaces_what_a_browser_would_reinterpret()
    {
        Assert.That(HtmlText.Escape("a<b>&\"'\0\u001b\ud800z😀"), Is.EqualTo("a&lt;b&gt;&amp;&quot;&#39;\uFFFD\uFFFD\uFFFDz😀"));
    }

    [Test]
    public void A_message_the_engine_refused_to_parse_is_shown_whole_as_written()
    {
        var (text, findings, expected) = Markup(new string('>', 100) + " deep {|HW7-03:99%|}\n" + string.Concat(Enumerable.Repeat("*_", 3000)));
        var html = Render(text, findings);
        Assert.That(html, Does.Not.Contain("<blockquote"));
        Assert.That(MarkedText(html)[1], Is.EqualTo(expected[0]));
    }
    [Test]
    public void A_finding_in_one_list_item_keeps_the_list_and_the_other_items_rendered()
    {
        var (text, findings, expected) = Markup("Figures:\n\n1. **Time:** about {|HW7-03:~18 hours|} before\n2. **Accuracy:** 94%\n   - nested *note*\n");
        var html = Render(text, findings);
        Assert.That(MarkedText(html)[1], Is.EqualTo(expected[0]));
        Assert.That(html, Does.Contain("<ol>").And.Contain("<strong>Accuracy:</strong>").And.Contain("<em>note</em>"));
        Assert.That(Regex.Matches(html, "<li>").Count, Is.EqualTo(3), "every item keeps its bullet, the highlighted one too");
    }
    [Test]
    public void A_finding_across_two_list_items_is_highlighted_in_both_with_one_anchor()
    {
        var (text, findings, expected) = Markup("- first {|HW7-04:item ends\n- second item|} goes on\n- third");
        var html = Render(text, findings);
        // Every character of the span is highlighted except the list structure between the items (newline, marker).
        Assert.That(MarkedText(html)[1], Is.EqualTo(expected[0].Replace("\n- ", "")));
        Assert.That(Regex.Matches(html, "id=\"f-1\"").Count, Is.EqualTo(1));
        Assert.That(html, Does.Contain("<li>third</li>").Or.Contain("<p>third</p>"));
    }
}
