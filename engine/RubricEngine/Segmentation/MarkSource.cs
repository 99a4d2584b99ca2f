using System.Globalization;
using RubricEngine.Documents;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Segmentation;

/// <summary>What opened a question in a reply (a marker, or a heading matching a title): described only when reported.</summary>
internal readonly record struct MarkSource(QuestionMarker? Marker, Block Block, string? Title)
{
    public string Describe()
    {
        if (Marker is null) return $"heading matches title '{Title}'";
        var text = Block.PlainText;
        var written = Marker.Span.End <= text.Length ? text.Substring(Marker.Span.Start, Marker.Span.Length).Trim() : Marker.ToString();
        return $"marker '{(written.Length <= 30 ? written : written[..30].TrimEnd() + "…")}' in the reply";
    }
}
