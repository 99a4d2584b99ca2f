using System.Globalization;
using Spectre.Console;

namespace RubricEngine.Cli.Services;

/// <summary>What <c>rubric check</c> prints: the rubric's rules with their question, points and check.</summary>
public static class RubricListing
{
    public static void Print(IAnsiConsole console, ReadyRubric rubric)
    {
        var d = rubric.Definition;
        console.WriteLine($"{d.Title} — {rubric.Path} (sha256 {rubric.Sha256[..12]}…), grades the {d.Policy.ToString().ToLowerInvariant()} attempt");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Rule").AddColumn("Title").AddColumn("Question").AddColumn(new TableColumn("Points").RightAligned())
            .AddColumn("Severity").AddColumn("Check");
        foreach (var c in d.Criteria)
            table.AddRow(E(c.Rule.Id), E(c.Rule.Title), E(c.Question.Value), P(c.Rule.Points), c.Rule.Severity.ToString(), E(c.Check.Describe()));
        foreach (var r in d.CustomRules)
            table.AddRow(E(r.Rule.Id), E(r.Rule.Title), "(trace)", P(r.Rule.Points), r.Rule.Severity.ToString(), $"custom rule, {r.Actions.Count} callback(s)");
        console.Write(table);
        console.WriteLine($"{d.Criteria.Count + d.CustomRules.Count} rules, {P(d.MaxPoints)} points, {d.Sources.Count} source(s).");
    }

    private static string E(string s) => Markup.Escape(s);

    private static string P(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
