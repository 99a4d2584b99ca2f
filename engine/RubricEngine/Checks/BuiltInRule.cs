using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>
/// A built-in rule's catalog entry: a generic check with a stable id and a doc page (<c>rubric explain RE0002</c>).
/// Each built-in check holds its own entry (<c>WordLimitCheck.Rule</c>); <see cref="BuiltInRules"/> lists them.
/// </summary>
/// <param name="Id">RE0001 …</param>
/// <param name="Name">The check's name as a rubric calls it: <c>WordLimit</c>.</param>
/// <param name="Title">Short title; the doc page opens with "# <c>Id</c>: <c>Title</c>".</param>
/// <param name="Summary">One line: what it checks.</param>
/// <param name="DocPage">The doc page, relative to the engine's Checks folder where it is embedded: <c>WordLimit/RE0001.md</c>.</param>
public sealed record BuiltInRule(string Id, string Name, string Title, string Summary, string DocPage)
{
    /// <summary>The severity of what the rule reports when it is not the criterion's own (RE0003's notes: <see cref="Rubrics.Severity.Info"/>).</summary>
    public Severity? Severity { get; init; }

    /// <summary>The doc page's file name: <c>RE0001.md</c>.</summary>
    public string DocFileName => Path.GetFileName(DocPage);

    /// <summary>A check's <see cref="ICheck.Describe"/>: the rule's id and name, then <paramref name="details"/> as written ("RE0001 WordLimit" + ": at most 100 words").</summary>
    public string Describe(string details) => $"{Id} {Name}{details}";
}
