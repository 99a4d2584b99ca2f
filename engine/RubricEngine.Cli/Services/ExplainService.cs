using RubricEngine.Checks;
using RubricEngine.Hosting;

namespace RubricEngine.Cli.Services;

/// <summary>Runs <c>rubric explain &lt;id&gt;</c>: a built-in rule's doc page, or a rubric rule with its check's page.</summary>
internal sealed class ExplainService(TextWriter output, RubricLoader loader)
{
    public int Run(string id, string? rubricPath)
    {
        if (BuiltInRules.LoadDocPage(id) is { } page)
        {
            output.WriteLine(page);
            return ExitCodes.Success;
        }
        if (rubricPath is null)
            throw new UserErrorException($"error: '{id}' is not a built-in rule ({string.Join(", ", BuiltInRules.All.Select(r => r.Id))}); for a rubric's own rule add --rubric <file>.");

        using var rubric = loader.Load(rubricPath);
        var criterion = rubric.Definition.Criteria.FirstOrDefault(c => c.Rule.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
        var custom = rubric.Definition.CustomRules.FirstOrDefault(r => r.Rule.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
        var rule = criterion?.Rule ?? custom?.Rule ?? throw new UserErrorException($"{rubricPath}: error: no rule '{id}' in this rubric.");
        output.WriteLine($"# {rule.Id}: {rule.Title}");
        output.WriteLine();
        output.WriteLine($"Question: {criterion?.Question.Value ?? "(whole trace)"} · {rule.Points} points · {rule.Severity} · {rule.Category}");
        output.WriteLine($"Check: {criterion?.Check.Describe() ?? "custom rule"}");
        // Built-in checks describe themselves starting with their rule id ("RE0002 NumbersGrounded: …").
        var builtIn = criterion is null ? null : BuiltInRules.Find(criterion.Check.Describe().Split(' ', 2)[0]);
        if (builtIn is not null && BuiltInRules.LoadDocPage(builtIn.Id) is { } doc)
        {
            output.WriteLine();
            output.WriteLine(doc);
        }
        return ExitCodes.Success;
    }
}
