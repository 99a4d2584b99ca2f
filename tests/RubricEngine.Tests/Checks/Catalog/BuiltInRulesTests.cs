using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RubricEngine.Checks;
using RubricEngine.Rubrics;

namespace RubricEngine.Tests.Checks.Catalog;

public sealed class BuiltInRulesTests
{
    private static IEnumerable<string> RuleIdsInCatalog() => BuiltInRules.All.Select(r => r.Id);

    [TestCaseSource(nameof(RuleIdsInCatalog))]
    public void Every_catalog_rule_has_its_doc_page(string id)
    {
        var rule = BuiltInRules.Find(id)!;
        var page = BuiltInRules.LoadDocPage(rule.Id);
        Assert.That(page, Is.Not.Null, $"{rule.DocPage} is not embedded");
        Assert.That(page, Does.StartWith("# ").And.Contain(rule.Id), "a page opens with a title naming its id");
        Assert.That(page, Does.Contain("## Compliant").IgnoreCase.And.Contain("## Non-compliant").IgnoreCase, "a page shows a compliant and a non-compliant example");
        Assert.That(page, Does.Contain("## What").IgnoreCase, "a page says what the rule checks");
    }

    [TestCaseSource(nameof(RuleIdsInCatalog))]
    public void A_rules_doc_page_is_the_file_the_catalog_names_and_its_title_is_the_catalog_title(string id)
    {
        var rule = BuiltInRules.Find(id)!;
        var file = Path.Combine(EngineChecksFolder(), rule.DocPage);
        Assert.That(File.Exists(file), Is.True, $"{rule.DocPage} is not in engine/RubricEngine/Checks");
        Assert.That(File.ReadLines(file).First(), Is.EqualTo($"# {rule.Id}: {rule.Title}"), "the page's title is the catalog's");
        Assert.That(BuiltInRules.LoadDocPage(id), Is.EqualTo(File.ReadAllText(file)), "the embedded page is that file");
    }

    [Test]
    public void Every_doc_page_names_a_catalog_rule()
    {
        var pages = BuiltInRules.DocPages().Where(p => Regex.IsMatch(p, @"^RE\d{4}\.md$")).ToList();
        Assert.That(pages, Is.Not.Empty);
        foreach (var page in pages)
            Assert.That(BuiltInRules.All.Select(r => r.DocFileName), Does.Contain(page), $"{page} has no catalog entry");
    }

    [Test]
    public void Ids_are_the_rule_id_names_in_order_and_unique()
    {
        Assert.That(BuiltInRules.All.Select(r => r.Id), Is.EqualTo(Enumerable.Range(1, 8).Select(i => $"RE{i:0000}")));
        var named = typeof(RuleIds).GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => (string)p.GetValue(null)!).Order().ToList();
        Assert.That(named, Is.EqualTo(BuiltInRules.All.Select(r => r.Id)));
        Assert.That(BuiltInRules.All.Select(r => r.DocFileName), Is.EqualTo(BuiltInRules.All.Select(r => r.Id + ".md")));
    }

    [Test]
    public void Every_built_in_check_is_in_the_catalog_and_describes_itself_by_its_entry()
    {
        var checks = typeof(IBuiltInCheck).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IBuiltInCheck).IsAssignableFrom(t))
            .ToList();
        var entries = checks.Select(t => (BuiltInRule)t.GetProperty("Rule", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).ToList();
        Assert.That(entries, Is.EquivalentTo(BuiltInRules.All), "one registration line in BuiltInRules.All per check");

        ICheck[] samples =
        [
            new WordLimitCheck(new WordLimitOptions(100)), new NumbersGroundedCheck(), new UngroundedIdentifierCheck(),
            new DerivationShownCheck(3), new ConditionsUsedCheck("3.b.i"), new AnswerCheck("B"),
            new SequenceCheck(["a", "b"]), new MentionsCheck(MentionMode.Any, ["attention"]),
        ];
        foreach (var check in samples)
        {
            var rule = BuiltInRules.Of(check)!;
            Assert.That(check.Describe(), Does.StartWith($"{rule.Id} {rule.Name}"), check.GetType().Name);
        }
        Assert.That(samples.Select(c => BuiltInRules.Of(c)!.Id), Is.EqualTo(BuiltInRules.All.Select(r => r.Id)));
    }

    [Test]
    public void The_rubric_method_named_after_a_rule_opens_its_xml_docs_with_the_rules_id()
    {
        // TAs read these docs in their editor: "RE0001 — full points when …". The id there must be the catalog's.
        var xml = XDocument.Load(Path.ChangeExtension(typeof(BuiltInRules).Assembly.Location, ".xml"));
        var summaries = xml.Descendants("member")
            .Where(m => ((string)m.Attribute("name")!).StartsWith("M:RubricEngine.Checks.", StringComparison.Ordinal))
            .Select(m => (Name: (string)m.Attribute("name")!, Summary: ((string?)m.Element("summary") ?? "").Trim()))
            .ToList();
        foreach (var rule in BuiltInRules.All)
        {
            var methods = summaries.Where(s => s.Name.Contains($"Extensions.{rule.Name}(", StringComparison.Ordinal)).ToList();
            Assert.That(methods, Is.Not.Empty, $"no rubric method {rule.Name} for {rule.Id}");
            foreach (var method in methods)
                Assert.That(method.Summary, Does.StartWith(rule.Id), method.Name);
        }
    }

    private static string EngineChecksFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RubricEngine.sln")))
                return Path.Combine(dir.FullName, "engine", "RubricEngine", "Checks");
        throw new DirectoryNotFoundException("RubricEngine.sln was not found above the test binary.");
    }

    [Test]
    public void Find_is_case_insensitive_and_unknown_ids_have_no_page()
    {
        Assert.That(BuiltInRules.Find("re0002")?.Name, Is.EqualTo("NumbersGrounded"));
        Assert.That(BuiltInRules.Find("RE9999"), Is.Null);
        Assert.That(BuiltInRules.LoadDocPage("RE9999"), Is.Null);
    }
}
