using System.Globalization;

namespace RubricEngine.Rubrics;

/// <summary>
/// Describes a rule the way Roslyn's <c>DiagnosticDescriptor</c> describes an analyzer diagnostic: a stable id,
/// a title, a message format with <c>{0}</c>-style arguments, a category, a default severity and the points it is worth.
/// </summary>
/// <param name="Id">Stable id such as <c>HW7-03</c>; it names the column in the gradebook and the rule in <c>.rubricconfig</c>.</param>
/// <param name="Title">Short title: "Numbers grounded in the blog".</param>
/// <param name="MessageFormat">Message of a finding, formatted with the arguments given when it is reported.</param>
/// <param name="Category">Grouping for reports ("Participation", "Correctness").</param>
/// <param name="Severity">Severity of its findings unless <c>.rubricconfig</c> says otherwise.</param>
/// <param name="Points">Points the rule is worth.</param>
/// <param name="HelpLink">Where a student or TA can read more.</param>
/// <param name="IsEnabledByDefault">False to ship a rule that a <c>.rubricconfig</c> must turn on.</param>
public sealed record RuleDescriptor(
    string Id,
    string Title,
    string MessageFormat = "{0}",
    string Category = "Grading",
    Severity Severity = Severity.Warning,
    double Points = 0,
    string? HelpLink = null,
    bool IsEnabledByDefault = true)
{
    /// <summary>Formats <see cref="MessageFormat"/> with <paramref name="args"/>, invariant culture.</summary>
    public string FormatMessage(params object?[] args)
    {
        if (args.Length == 0) return MessageFormat;
        try
        {
            return string.Format(CultureInfo.InvariantCulture, MessageFormat, args);
        }
        catch (FormatException)
        {
            return MessageFormat + " (" + string.Join(", ", args) + ")";
        }
    }
}
