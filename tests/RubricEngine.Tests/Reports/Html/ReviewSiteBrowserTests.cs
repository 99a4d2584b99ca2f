using System.Text.Json;
using PuppeteerSharp;
using RubricEngine.Tests.Reliability;

namespace RubricEngine.Tests.Reports.Html;

/// <summary>
/// The review site in a real browser: Debian's chromium, headless, driven by PuppeteerSharp over file:// URLs. One
/// site (the hw7 samples plus a hostile trace, written by the real <c>rubric grade --html</c>) and one browser for the
/// fixture. Screenshots are attached to the results. On CI (CI=true) a missing chromium fails; elsewhere it skips.
/// </summary>
[TestFixture]
[NonParallelizable]
[CancelAfter(240_000)]
public sealed class ReviewSiteBrowserTests
{
    private const string Hostile =
        "## 4(a)\n\nThe blog reports 94% accuracy.\n\n<script>window.__pwned = 'script'</script>\n\n" +
        "<img src=x onerror=\"window.__pwned = 'img'\">\n\n[click for the answer](javascript:window.__pwned='link')\n\n" +
        "<javascript:window.__pwned='autolink'>\n\n![tracker](http://127.0.0.1:9/pixel.png)\n\n" +
        "<iframe src=\"https://evil.example/\"></iframe>\n\n$\\href{javascript:alert(1)}{click}$ and $x</script><script>alert(1)</script>$\n\n" +
        "<style>body{display:none}</style>\n\n";

    private Reliability.TempFolder _temp = null!;
    private string _site = "";
    private IBrowser? _browser;
    private CliResult _run = null!;

    [OneTimeSetUp]
    public async Task WriteTheSiteAndStartChromium()
    {
        var chromium = FindChromium();
        if (chromium is null)
        {
            const string message = "chromium is not installed (apt-get install -y chromium, as .ci/run does); the review-site browser tests need it.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
            Assert.Ignore(message);
        }

        _temp = new Reliability.TempFolder("rubric-review");
        var huge = string.Concat(Enumerable.Repeat("word ", 60_000));
        _temp.Write("hostile/hostile.json", HostileCorpus.Trace("hostile-1", "\"><script>window.__pwned='id'</script>", Hostile + huge,
            name: "<img src=x onerror=\"window.__pwned='name'\">"));
        _temp.Write("hostile/hostile-2.json", HostileCorpus.Trace("hostile-2", "javascript:alert(1)", Hostile, name: "</script><script>window.__pwned='json'</script>"));
        _site = _temp["review"];
        _run = await CliRun.RunAsync(TimeSpan.FromSeconds(150), "grade", Hw7Example.RubricPath, Hw7Example.Traces, _temp["hostile"],
            "--html", _site, "--threads", "2", "--no-progress", "-v", "quiet");
        Assert.That(File.Exists(Path.Combine(_site, "index.html")), _run.ToString());

        _browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files"],
        });
    }

    [OneTimeTearDown]
    public async Task CloseTheBrowser()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _temp?.Dispose();
    }

    private static string? FindChromium()
    {
        var candidates = new List<string?> { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" };
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            candidates.Add(Path.Combine(dir, "chromium"));
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>A page with traps set before any of its scripts run: dialogs, CSP violations, non-file requests.</summary>
    private sealed record Watched(IPage Page, List<string> Dialogs, List<string> Requests, List<string> Errors);

    private async Task<Watched> Open(string relative)
    {
        var page = await _browser!.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 1000 });
        var watched = new Watched(page, [], [], []);
        page.Dialog += async (_, e) => { watched.Dialogs.Add(e.Dialog.Message); await e.Dialog.Dismiss(); };
        page.Request += (_, e) => { if (!e.Request.Url.StartsWith("file://", StringComparison.Ordinal)) watched.Requests.Add(e.Request.Url); };
        page.PageError += (_, e) => watched.Errors.Add(e.Message);
        await page.EvaluateExpressionOnNewDocumentAsync(
            "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        await page.GoToAsync(new Uri(Path.Combine(_site, relative)).AbsoluteUri, WaitUntilNavigation.Load);
        await page.WaitForSelectorAsync("html[data-ready='true']", new WaitForSelectorOptions { Timeout = 15_000 });
        return watched;
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "review-screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(path, new ScreenshotOptions { FullPage = false });
        TestContext.AddTestAttachment(path, name);
    }

    private static async Task<T> Eval<T>(IPage page, string script) => await page.EvaluateExpressionAsync<T>(script);

    [Test]
    public async Task The_index_lists_every_student_and_sorts_and_filters()
    {
        var w = await Open("index.html");
        var page = w.Page;
        await Screenshot(page, "index");
        Assert.That(await Eval<int>(page, "document.querySelectorAll('#students tbody tr').length"), Is.EqualTo(15), "13 hw7 samples + 2 hostile traces");
        Assert.That(await Eval<string>(page, "document.getElementById('count').textContent"), Is.EqualTo("15 of 15 students"));

        await page.ClickAsync("th[data-sort='tot']");
        await page.ClickAsync("th[data-sort='tot']");
        var totals = await Eval<double[]>(page, "[...document.querySelectorAll('#students tbody tr td:last-child')].map(td => parseFloat(td.textContent))");
        Assert.That(totals, Is.Ordered.Descending, "sorted by total, highest first");
        Assert.That(await Eval<string>(page, "document.querySelector('#students tbody tr td a').textContent"), Is.EqualTo("3031001"), "Alice has full marks");

        // Failed only, on HW7-03 (numbers grounded): exactly the rows whose HW7-03 cell shows lost points.
        var column = await Eval<int>(page, "[...document.querySelectorAll('#students thead th')].findIndex(th => th.textContent === 'HW7-03')");
        var option = await Eval<string>(page, "[...document.querySelectorAll('#criterion option')].find(o => o.textContent.startsWith('HW7-03')).value");
        await page.SelectAsync("#criterion", option);
        await page.ClickAsync("#failed");
        var cells = await Eval<string[]>(page, $"[...document.querySelectorAll('#students tbody tr')].map(tr => tr.children[{column}].className)");
        Assert.That(cells, Is.Not.Empty.And.All.Contain("lost").Or.All.Contain("error"));
        Assert.That(cells, Has.Length.LessThan(15));

        await page.ClickAsync("#failed");
        await page.TypeAsync("#q", "carol");
        Assert.That(await Eval<string[]>(page, "[...document.querySelectorAll('#students tbody tr td:nth-child(2)')].map(td => td.textContent)"), Is.EqualTo(new[] { "Carol Diaz" }));
        Assert.That(w.Dialogs, Is.Empty);
        Assert.That(await Eval<string[]>(page, "window.__csp"), Is.Empty, "our own page breaks no CSP rule");
        Assert.That(await Eval<bool>(page, "window.__pwned === undefined"), "a student's id or name ran as script");
        Assert.That(w.Errors, Is.Empty);
    }

    [Test]
    public async Task Highlights_sit_on_the_text_each_finding_names_and_the_panel_scrolls_to_them()
    {
        var w = await Open("students/3031003.html");
        var page = w.Page;
        // Each HW7-03 finding says "<number> is not in the sources.": its highlight must hold exactly that number.
        var pairs = await Eval<JsonElement>(page, """
            [...document.querySelectorAll('#panel li')].filter(li => li.querySelector('a.go')).map(li => {
              const n = li.id.slice(2);
              const marks = [...document.querySelectorAll('mark[data-f]')].filter(m => m.dataset.f.split(' ').includes(n));
              return { message: li.querySelector('p').textContent, marked: marks.map(m => m.textContent).join('') };
            })
            """);
        var grounded = pairs.EnumerateArray().Where(p => p.GetProperty("message").GetString()!.EndsWith(" is not in the sources.", StringComparison.Ordinal)).ToList();
        Assert.That(grounded, Has.Count.GreaterThanOrEqualTo(2));
        foreach (var p in grounded)
            Assert.That(p.GetProperty("marked").GetString(), Is.EqualTo(p.GetProperty("message").GetString()![..^" is not in the sources.".Length]));
        Assert.That(pairs.EnumerateArray().Select(p => p.GetProperty("marked").GetString()), Has.All.Not.Empty, "every located finding has a highlight");

        await page.ClickAsync("#panel a.go");
        Assert.That(await Eval<int>(page, "document.querySelectorAll('mark.current').length"), Is.GreaterThan(0));
        Assert.That(await Eval<bool>(page, "(() => { const r = document.querySelector('mark.current').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()"),
            "the highlight was scrolled into view");
        Assert.That(await Eval<int>(page, "document.querySelectorAll('.seg-label .badge.graded').length"), Is.GreaterThan(0), "the graded attempt is marked");
        await Screenshot(page, "student");

        // The fix affordance builds a ready --overrides row.
        await page.ClickAsync("#panel li button.fix");
        await page.TypeAsync("#fix-reason", "checked by hand, in the blog");
        var line = await Eval<string>(page, "document.getElementById('fix-line').value");
        Assert.That(line, Does.Match(@"^3031003,HW7-0\d,[0-9.]+,""checked by hand, in the blog"",$"));
        // The line is what --overrides reads: parsed back by the real reader, it is one valid override.
        var set = RubricEngine.Reports.Overrides.OverrideFile.Parse(new StringReader("student,rule,points,reason,grader\n" + line), "overrides.csv");
        Assert.That(set.Errors, Is.Empty);
        Assert.That(set.Overrides.Select(o => (o.Student, o.Reason)), Is.EqualTo(new[] { ("3031003", "checked by hand, in the blog") }));
        await page.ClickAsync(".seg-label button.fix");
        Assert.That(await Eval<string>(page, "document.getElementById('fix-line').value"), Does.Match(@"^03-carol-retry-problem-4,\d+,[0-9a-z.]+$"));
        Assert.That(await Eval<string[]>(page, "window.__csp"), Is.Empty);
        Assert.That(w.Errors, Is.Empty);
    }

    [Test]
    public async Task Math_is_typeset_by_the_bundled_katex()
    {
        var pages = Directory.GetFiles(Path.Combine(_site, "students"), "*.html").Where(f => File.ReadAllText(f).Contains("class=\"math", StringComparison.Ordinal)).ToList();
        Assume.That(pages, Is.Not.Empty, "a hw7 sample with math");
        var w = await Open("students/" + Path.GetFileName(pages[0]));
        Assert.That(await Eval<int>(w.Page, "document.querySelectorAll('.conversation .katex').length"), Is.GreaterThan(0));
        Assert.That(w.Requests, Is.Empty, "nothing but local files is requested (fonts included)");
        Assert.That(await Eval<string[]>(w.Page, "window.__csp"), Is.Empty);
    }

    [Test]
    public async Task A_fix_line_keeps_a_hostile_student_id_exactly()
    {
        var index = await Open("index.html");
        var href = await Eval<string>(index.Page, "JSON.parse(document.getElementById('data').textContent).rows.find(r => r.t === 'hostile-1').h");
        await index.Page.CloseAsync();
        var page = (await Open(href)).Page;
        await page.ClickAsync(".criteria button.fix");
        await page.TypeAsync("#fix-reason", "a \"quoted\", reason");
        var line = await Eval<string>(page, "document.getElementById('fix-line').value");
        var set = RubricEngine.Reports.Overrides.OverrideFile.Parse(new StringReader("student,rule,points,reason,grader\n" + line), "overrides.csv");
        Assert.That(set.Errors, Is.Empty, line);
        Assert.That(set.Overrides.Single().Student, Is.EqualTo("\"><script>window.__pwned='id'</script>"));
        Assert.That(set.Overrides.Single().Reason, Is.EqualTo("a \"quoted\", reason"));
    }

    [TestCase("hostile-1")]
    [TestCase("hostile-2")]
    public async Task A_hostile_trace_runs_nothing_and_loads_nothing_remote(string traceId)
    {
        var index = await Open("index.html");
        var href = await Eval<string>(index.Page, $"JSON.parse(document.getElementById('data').textContent).rows.find(r => r.t === '{traceId}').h");
        await index.Page.CloseAsync();
        var w = await Open(href);
        var page = w.Page;
        await Screenshot(page, traceId);
        // Click every link and mark the student wrote: none may run code.
        await page.EvaluateExpressionAsync("document.querySelectorAll('.conversation a, .conversation mark').forEach(a => a.click())");
        await Task.Delay(300);
        Assert.That(await Eval<bool>(page, "window.__pwned === undefined"), "student text ran as script");
        Assert.That(w.Dialogs, Is.Empty, "a dialog opened");
        Assert.That(w.Requests, Is.Empty, "a remote resource was requested");
        Assert.That(await Eval<int>(page, "document.querySelectorAll('.conversation img, .conversation iframe, .conversation script, .conversation style, header script').length"), Is.Zero);
        Assert.That(await Eval<int>(page, "document.scripts.length"), Is.EqualTo(2), "only our two bundled scripts");
        Assert.That(await Eval<int>(page, "[...document.querySelectorAll('a[href]')].filter(a => !/^(https?:|mailto:|#|\\.\\.\\/index\\.html$)/.test(a.getAttribute('href'))).length"), Is.Zero);
        Assert.That(await Eval<string[]>(page, "window.__csp"), Is.Empty, "nothing even tried to break the CSP");
        Assert.That(await Eval<bool>(page, "document.body.innerText.includes(\"<script>window.__pwned = 'script'</script>\")"), "the script is shown as text");
        Assert.That(await Eval<string>(page, "document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content"), Does.StartWith("default-src 'none'; script-src 'self'"));
    }
}
