namespace RubricEngine.Reports.Gradebook;

/// <summary>What an LMS reads in a grade column's header.</summary>
/// <param name="Title">The grade item's name ("HW7").</param>
/// <param name="Id">The item's id when the header carries one (Canvas <c>(12345)</c>, Blackboard <c>|12345</c>); null otherwise.</param>
/// <param name="Points">The points the header says the item is worth (Blackboard <c>Total Pts</c>, Brightspace <c>MaxPoints</c>, Gradescope <c>(2 pts)</c>); null when it does not say.</param>
/// <param name="Calculated">A column the LMS computes and never imports (totals, weighted grades).</param>
public sealed record LmsItemHeader(string Title, string? Id, double? Points, bool Calculated = false);
