using System.Text.RegularExpressions;
using RubricEngine.Checks;

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

    [Test]
    public void Every_doc_page_names_a_catalog_rule()
    {
        var pages = BuiltInRules.DocPages().Where(p => Regex.IsMatch(p, @"^RE\d{4}\.md$")).ToList();
        Assert.That(pages, Is.Not.Empty);
        foreach (var page in pages)
            Assert.That(BuiltInRules.All.Select(r => r.DocPage), Does.Contain(page), $"{page} has no catalog entry");
    }

    [Test]
    public void Ids_are_the_rule_id_constants_in_order_and_unique()
    {
        Assert.That(BuiltInRules.All.Select(r => r.Id), Is.EqualTo(Enumerable.Range(1, 8).Select(i => $"RE{i:0000}")));
        var constants = typeof(RuleIds).GetFields().Select(f => (string)f.GetRawConstantValue()!).Order().ToList();
        Assert.That(constants, Is.EqualTo(BuiltInRules.All.Select(r => r.Id)));
        Assert.That(BuiltInRules.All.Select(r => r.DocPage), Is.EqualTo(BuiltInRules.All.Select(r => r.Id + ".md")));
    }

    [Test]
    public void Find_is_case_insensitive_and_unknown_ids_have_no_page()
    {
        Assert.That(BuiltInRules.Find("re0002")?.Name, Is.EqualTo("NumbersGrounded"));
        Assert.That(BuiltInRules.Find("RE9999"), Is.Null);
        Assert.That(BuiltInRules.LoadDocPage("RE9999"), Is.Null);
    }
}
