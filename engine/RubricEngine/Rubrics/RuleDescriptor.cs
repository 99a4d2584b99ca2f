using System.Globalization;

namespace RubricEngine.Rubrics;

/// <summary>
/// Describes a rule the way Roslyn's <c>DiagnosticDescriptor</c> describes an analyzer diagnostic: a stable id,
/// a title, a message format with <c>{0}</c>-style arguments, a category, a default severity and the points it is worth.
/// </summary>
public sealed record RuleDescriptor
{
    /// <summary>Describes a rule.</summary>
    /// <param name="id">Stable id such as <c>HW7-03</c>; it names the column in the gradebook and the rule in <c>.rubricconfig</c>.</param>
    /// <param name="title">Short title: "Numbers grounded in the blog".</param>
    /// <param name="messageFormat">Message of a finding, formatted with the arguments given when it is reported.</param>
    /// <param name="category">Grouping for reports ("Participation", "Correctness").</param>
    /// <param name="severity">Severity of its findings unless <c>.rubricconfig</c> says otherwise.</param>
    /// <param name="points">Points the rule is worth.</param>
    /// <param name="helpLink">Where a student or TA can read more.</param>
    /// <param name="isEnabledByDefault">False to ship a rule that a <c>.rubricconfig</c> must turn on.</param>
    public RuleDescriptor(
        string id,
        string title,
        string messageFormat = "{0}",
        string category = "Grading",
        Severity severity = Severity.Warning,
        double points = 0,
        string? helpLink = null,
        bool isEnabledByDefault = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (!double.IsFinite(points) || points < 0)
            throw new RubricDefinitionException($"Rule {id}: points must be a number of at least 0 (got {points}).");
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        Severity = severity;
        Points = points;
        HelpLink = helpLink;
        IsEnabledByDefault = isEnabledByDefault;
    }

    /// <summary>Stable id such as <c>HW7-03</c>.</summary>
    public string Id { get; init; }

    /// <summary>Short title.</summary>
    public string Title { get; init; }

    /// <summary>Message of a finding, with <c>{0}</c>-style placeholders.</summary>
    public string MessageFormat { get; init; }

    /// <summary>Grouping for reports.</summary>
    public string Category { get; init; }

    /// <summary>Severity of its findings.</summary>
    public Severity Severity { get; init; }

    /// <summary>Points the rule is worth.</summary>
    public double Points { get; init; }

    /// <summary>Where to read more.</summary>
    public string? HelpLink { get; init; }

    /// <summary>False when the rule is off unless configured on.</summary>
    public bool IsEnabledByDefault { get; init; }

    /// <summary>
    /// True when the rule is graded: enabled (after <c>.rubricconfig</c>) and not of severity <c>none</c>. The one
    /// test of "the rule counts": the grader, the maximum points and every report's columns use it.
    /// </summary>
    public bool IsActive => IsEnabledByDefault && Severity != Severity.None;

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
