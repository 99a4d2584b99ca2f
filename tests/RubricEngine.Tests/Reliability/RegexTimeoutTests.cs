using System.Diagnostics;

namespace RubricEngine.Tests.Reliability;

/// <summary>
/// A rubric's own regex that backtracks catastrophically is stopped by the default regex timeout the CLI sets at
/// start-up, so the rule fails cleanly instead of leaving a spinning thread. Needs a fresh process: the default is
/// read when the first Regex is built.
/// </summary>
[Category("Slow")]
public sealed class RegexTimeoutTests
{
    [Test, CancelAfter(120_000)]
    public void A_catastrophic_regex_in_a_rubric_fails_its_rule_with_a_regex_timeout()
    {
        using var temp = new TempFolder("rubric-regex");
        File.WriteAllText(System.IO.Path.Combine(temp.Path, "r.rubric.csx"), """
            Rubric("regex", r =>
            {
                r.Question("1").Criterion("R-01", "Catastrophic", points: 1)
                 .Custom(a => System.Text.RegularExpressions.Regex.IsMatch(new string('a', 40) + "!", "^(a+)+$") ? Pass() : Fail("no"));
                r.Question("1").Criterion("R-02", "Fine", points: 1).Custom(a => Pass());
            });
            """);
        Directory.CreateDirectory(System.IO.Path.Combine(temp.Path, "traces"));
        File.WriteAllText(System.IO.Path.Combine(temp.Path, "traces", "t.json"), """
            {"format":"rubric-trace/1","id":"t","student":{"id":"s"},"messages":[{"role":"user","content":"Problem 1"},{"role":"assistant","content":"**Problem 1.** hello"}]}
            """);

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "rubric.dll"), "grade",
                     System.IO.Path.Combine(temp.Path, "r.rubric.csx"), System.IO.Path.Combine(temp.Path, "traces"), "--csv", System.IO.Path.Combine(temp.Path, "g.csv"),
                     "--no-progress", "--rule-timeout", "60" })
            info.ArgumentList.Add(a);
        info.Environment["RUBRIC_CACHE"] = System.IO.Path.Combine(temp.Path, "cache");
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        // The rule time limit is 60 s here, so only the regex timeout can explain a prompt, specific failure.
        Assert.That(stdout, Does.Contain("error R-01: The rule failed: RegexMatchTimeoutException").And.Contain("r.rubric.csx(4)"), stdout + stderr.Result);
        Assert.That(process.ExitCode, Is.EqualTo(1), "a rule that failed is exit code 1");
        Assert.That(File.ReadAllText(System.IO.Path.Combine(temp.Path, "g.csv")), Does.Contain("s"));
    }
}
