using System.Text;
using RubricEngine.Documents;

namespace RubricEngine.Segmentation;

/// <summary>
/// Splits a whole assignment (<c>r.Statement("assignment.md")</c>) into per-question statements by the same markers
/// replies are read with: headings ("## Problem 3", "## Machine Translation"), bold and plain lead-ins ("(b) …",
/// "Problem 4(a): …"), numbered headings. Text under a marker belongs to that question until the next marker; a
/// declared question's statement is the text of its own path and of the paths under it.
/// </summary>
internal static class AssignmentStatements
{
    public static Dictionary<QuestionPath, string> Split(string text, SegmenterOptions options)
    {
        var catalog = new QuestionCatalog(options.Questions);
        var markers = new QuestionMarkers(options);
        var blockMarkers = new BlockMarkers(markers);
        var resolver = new MarkerResolver(catalog);
        var renumbered = new Dictionary<string, string>(StringComparer.Ordinal);
        var document = MarkdownDocumentParser.Default.Parse(text);
        var pieces = new List<(QuestionPath Path, string Text)>();
        QuestionPath? current = null;
        foreach (var block in document.Blocks)
        {
            var marker = blockMarkers.MarkerOf(block, document);
            if (marker is { IsNumbered: true } && !catalog.HasProblem(marker.Problem!)) marker = null;
            if (marker is not null)
            {
                if (marker.NumberedAs is { } number && marker.Problem is { } named) renumbered[number] = named;
                // A title names its whole problem here: the parts under it follow.
                current = marker.Alias is not null && marker.Parts.Count == 0 ? new QuestionPath(marker.Problem!) : resolver.Resolve(marker, current, renumbered);
            }
            if (current is not null) pieces.Add((current, block.PlainText));
        }

        var statements = new Dictionary<QuestionPath, string>();
        foreach (var q in options.Questions.Distinct())
        {
            var statement = new StringBuilder();
            foreach (var (path, piece) in pieces)
            {
                if (!path.IsWithin(q)) continue;
                if (statement.Length > 0) statement.Append('\n');
                statement.Append(piece);
            }
            if (statement.Length > 0) statements[q] = statement.ToString();
        }
        return statements;
    }
}
