using System.Text;
using RubricEngine.Documents;

namespace RubricEngine.Tests.Documents;

/// <summary>The plain-line fast path must give exactly the document Markdig gives, for every input it accepts.</summary>
public sealed class PlainLineFastPathTests
{
    // Letters and digits, blanks, every character a Markdown parser might react to, and a few non-ASCII ones.
    private const string Alphabet =
        "aaaaabbcdeeeefghiilmnoorsttuwxyzAKZ0123456789          ..,,;:?!()\"'" +
        "*_`#>-+|$\\[]<&~=/%^{}@\t\r\n\u00a0\u2003\u00e9\u03b1\u2014\u0000\u007f\u0085";

    [Test]
    public void Fast_path_equals_Markdig_on_random_text()
    {
        var random = new Random(182);
        var accepted = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = RandomText(random, random.Next(0, 60), n % 3 == 0);
            var fast = PlainLineFastPath.TryParse(text);
            if (fast is null) continue;
            accepted++;
            Assert.That(Describe(fast), Is.EqualTo(Describe(MarkdownDocumentParser.Default.ParseMarkdown(text))), text);
        }
        Assert.That(accepted, Is.GreaterThan(2_000), "too few random texts took the fast path to prove anything");
    }

    [TestCase("What is the Frobenius norm of a matrix?")]
    [TestCase("HW7 problem 5. (a) Which of A. B. C. D. makes very deep networks trainable?")]
    [TestCase("Summarise the blog - in about 100 words + no more = fine; see 3) and #4 > 2")]
    [TestCase("Use x:y and a/b, 3.14 and 1) here. Caf\u00e9 \u03b1\u2014\u03b2 \U0001F600 done")]
    [TestCase("Setext = not here")]
    public void Fast_path_equals_Markdig_on_prompts(string text)
    {
        var fast = PlainLineFastPath.TryParse(text);
        Assert.That(fast, Is.Not.Null);
        Assert.That(Describe(fast!), Is.EqualTo(Describe(MarkdownDocumentParser.Default.ParseMarkdown(text))));
    }

    [TestCase("")]
    [TestCase(" leading space")]
    [TestCase("trailing space ")]
    [TestCase("1. a list")]
    [TestCase("- a list")]
    [TestCase("two\nlines")]
    [TestCase("crlf\r\n")]
    [TestCase("tab\there")]
    [TestCase("a *star*")]
    [TestCase("a $x$")]
    [TestCase("a \\(x\\)")]
    [TestCase("a | b")]
    [TestCase("a &amp; b")]
    [TestCase("a <b>")]
    [TestCase("nbsp\u00a0inside")]
    public void Fast_path_declines_anything_not_provably_plain(string text) =>
        Assert.That(PlainLineFastPath.TryParse(text), Is.Null);

    [Test]
    public void A_plain_line_too_long_for_Markdown_reads_the_same_as_the_guard_fallback()
    {
        var text = "word " + string.Concat(Enumerable.Repeat("plain words ", MarkdownInputGuard.MaxLength / 10)) + "end";
        Assert.That(Describe(MarkdownDocumentParser.Default.Parse(text)), Is.EqualTo(Describe(MarkdownDocumentParser.Default.ParseMarkdown(text))));
    }

    private static string RandomText(Random random, int length, bool mostlyProse)
    {
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            sb.Append(mostlyProse && random.Next(8) != 0 ? Alphabet[random.Next(44)] : Alphabet[random.Next(Alphabet.Length)]);
        if (mostlyProse && sb.Length > 0 && random.Next(2) == 0) sb[0] = 'W';
        return sb.ToString();
    }

    /// <summary>Everything a document says: block kinds, spans, levels, markers, cells and inlines.</summary>
    internal static string Describe(MessageDocument document)
    {
        var sb = new StringBuilder();
        foreach (var b in document.Blocks)
        {
            sb.Append($"{b.Kind} {b.Span} L{b.Level} M{b.Marker ?? "-"}\n");
            foreach (var i in b.Inlines) sb.Append($"  {i.Kind} {i.Span} [{i.Text}]\n");
            foreach (var row in b.Cells) sb.Append("  | ").AppendJoin(" | ", row).Append('\n');
        }
        return sb.ToString();
    }
}
