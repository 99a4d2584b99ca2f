using System.Globalization;
using RubricEngine.Grading;

namespace RubricEngine.Reports;

/// <summary>
/// "Not graded" is not zero: a criterion whose rule failed (threw, timed out) and that no manual override replaced
/// has no points at all. Every report leaves its cell empty, gives the reason, and says a total is partial.
/// </summary>
public static class GradeCompleteness
{
    /// <summary>True when the criterion has no points: its rule failed and no override set them.</summary>
    public static bool IsNotGraded(this CriterionResult result) => result.IsError && result.Override is null;

    /// <summary>Points of the criterion, or null when it was not graded.</summary>
    public static double? GradedPoints(this CriterionResult result) => result.IsNotGraded() ? null : result.Points;

    /// <summary>True when some criterion of the trace was not graded, so its total is partial.</summary>
    public static bool IsPartial(this TraceGrade grade) => grade.Criteria.Any(IsNotGraded);

    /// <summary>Points possible of the criteria that were graded.</summary>
    public static double GradedMax(this TraceGrade grade) => grade.Criteria.Where(c => !c.IsNotGraded()).Sum(c => c.MaxPoints);

    /// <summary>"12 of 14 points graded (HW7-05 not graded)"; empty when every criterion was graded.</summary>
    public static string PartialText(this TraceGrade grade)
    {
        if (!grade.IsPartial()) return "";
        var missing = string.Join(", ", grade.Criteria.Where(IsNotGraded).Select(c => c.Rule.Id));
        return string.Create(CultureInfo.InvariantCulture, $"{Format(grade.GradedMax())} of {Format(grade.Max)} points graded ({missing} not graded)");
    }

    /// <summary>The comment of a criterion that was not graded, starting "Not graded:"; otherwise its comment.</summary>
    public static string CommentText(this CriterionResult result) =>
        result.IsNotGraded() && result.Comment.Length > 0 ? "Not graded: " + result.Comment : result.Comment;

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
