using System.Globalization;
using RubricEngine.Hosting;
using RubricEngine.Rubrics;
using Spectre.Console;

namespace RubricEngine.Cli.Services;

/// <summary>What <c>rubric check</c> prints: the rubric's rules with their question, points and check.</summary>
internal static class RubricListing
{
    public static void Print(IAnsiConsole console, ReadyRubric rubric)
    {
        var d = rubric.Definition;
        console.WriteLine($"{d.Title} — {rubric.Path} (sha256 {rubric.Sha256[..12]}…), grades the {d.Policy.ToString().ToLowerInvariant()} attempt");
        // Six columns wrap every check description into a ribbon below ~110 columns; there the title and the check
        // share one column (check on its own line) and severity shows only where it is not the usual warning.
        var compact = console.Profile.Width < 110;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Rule");
        if (compact)
            table.AddColumn("Question").AddColumn(new TableColumn("Pts").RightAligned()).AddColumn("Title and check");
        else
            table.AddColumn("Title").AddColumn("Question").AddColumn(new TableColumn("Points").RightAligned()).AddColumn("Severity").AddColumn("Check");
        void Row(RuleDescriptor rule, string question, string check)
        {
            if (!compact)
            {
                table.AddRow(E(rule.Id), E(rule.Title), E(question), P(rule.Points), rule.Severity.ToString(), E(check));
                return;
            }
            var severity = rule.Severity == Severity.Warning ? "" : $" [{rule.Severity.ToString().ToLowerInvariant()}]";
            table.AddRow(E(rule.Id), E(question), P(rule.Points), $"{E(rule.Title)}{E(severity)}\n[dim]{E(check)}[/]");
        }
        foreach (var c in d.Criteria) Row(c.Rule, c.Question.Value, c.Check.Describe());
        foreach (var r in d.CustomRules) Row(r.Rule, "(trace)", $"custom rule, {r.Actions.Count} callback(s)");
        console.Write(table);
        console.WriteLine($"{d.Criteria.Count + d.CustomRules.Count} rules, {P(d.MaxPoints)} points, {d.Sources.Count} source(s).");
    }

    private static string E(string s) => Markup.Escape(s);

    private static string P(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
