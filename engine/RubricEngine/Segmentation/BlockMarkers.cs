using RubricEngine.Documents;

namespace RubricEngine.Segmentation;

/// <summary>
/// Finds the question marker a block of a reply opens with, where models put them: a heading ("### 3(b)(i)",
/// "(ii) Show that …", "Problem 6: Machine Translation"), a bold lead-in at the start of a paragraph or list item
/// ("**(b)**", "**Part (b):**", "**Q4(a).**"), or a plain keyword lead-in ("Part (b): …", "Problem 4(a). …").
/// A paragraph opening "(b) …" counts too; a list item opening "(a) …" does not (that is how choices are listed).
/// </summary>
internal sealed class BlockMarkers(QuestionMarkers markers)
{
    private const int MaxBoldLeadIn = 120;

    public QuestionMarker? MarkerOf(Block block, MessageDocument document)
    {
        switch (block.Kind)
        {
            case BlockKind.Heading:
                return SummaryHeadings.IsSummaryHeading(block, document, markers) ? null : markers.ReadHeading(block.PlainText);
            case BlockKind.Paragraph or BlockKind.ListItem:
                return BoldLeadIn(block, document) ?? PlainLeadIn(block, document);
            default:
                return null;
        }
    }

    private QuestionMarker? BoldLeadIn(Block block, MessageDocument document)
    {
        var text = document.Text;
        var start = block.Span.Start;
        if (block.Span.Length < 5 || start + 2 > text.Length) return null;
        var delimiter = text.AsSpan(start, 2);
        if (!delimiter.SequenceEqual("**") && !delimiter.SequenceEqual("__")) return null;
        var limit = Math.Min(block.Span.End, start + 2 + MaxBoldLeadIn);
        var close = text.AsSpan(start + 2, limit - (start + 2)).IndexOf(delimiter, StringComparison.Ordinal);
        if (close < 0) return null;
        close += start + 2;
        var inner = text[(start + 2)..close];
        var marker = markers.ReadLeadIn(inner);
        if (marker is null) return null;
        // "**(b) Decoder inputs:**" is a lead-in; "**b** is the bias" is not a part b.
        if (marker.Span.End != inner.Length && char.IsLetterOrDigit(inner[marker.Span.End])) return null;
        // "**3.**" numbers a problem; "**3. Differentiate.**" numbers a step.
        if (marker.IsNumbered && inner.AsSpan(marker.Span.End).Trim().Length > 0) return null;
        // "**1.** (b) Θ(n log n) …": the part right after the number is the question the line answers.
        if (marker.IsNumbered && marker.Parts.Count == 0 && markers.ReadLeadIn(text[(close + 2)..Math.Min(block.Span.End, close + 2 + 12)]) is { IsRelative: true, Alias: null } part
            && part.Parts.Count > 0 && text[close + 2 + part.Span.Start] == '(')
            return marker with { Parts = part.Parts };
        return marker;
    }

    private QuestionMarker? PlainLeadIn(Block block, MessageDocument document)
    {
        // Most paragraphs open with a word no marker starts with: decide that before building the block's text.
        if (!markers.MayStartLeadIn(FirstNonBlank(block))) return null;
        var text = block.PlainText;
        var start = QuestionMarkers.SkipDecoration(text, 0, text.Length);
        var marker = markers.ReadLeadIn(text, start);
        if (marker is null) return null;
        var rest = text.AsSpan(marker.Span.End).TrimStart(' ');
        if (marker.HasKeyword)
        {
            // "Part (b): …", "Problem 4(a). …", "Question 5 — …", "Problem 2(b)" alone on its line; not "Part of the derivation".
            return rest.Length == 0 || rest[0] is ':' or '.' or ')' or '—' or '–' or '-' or ',' || AloneOnFirstLine(block, document, marker) ? marker : null;
        }
        // "4(b) The post is about …" opening a line: a problem with its part in parentheses.
        if (block.Kind == BlockKind.Paragraph && marker.Problem is not null && marker.Parts.Count > 0 && !marker.IsNumbered
            && text.AsSpan(start, marker.Span.End - start).Contains('(') && (rest.Length == 0 || rest[0] is not ('=' or '+' or '-' or '*' or '/' or '^' or '_')))
            return marker;
        if (block.Kind != BlockKind.Paragraph || marker.Problem is not null || text[start] != '(') return null;
        // "(b) The decoder …" opens part b; "(i) and (ii) both hold" refers to them.
        if (rest.Length == 0) return marker;
        if (rest.StartsWith("and ") || rest.StartsWith("or ") || rest[0] is ',' or '&' or '=' or '(') return null;
        return marker;
    }

    /// <summary>True when the block's first source line is the marker and nothing else (a plain-text heading line).</summary>
    private bool AloneOnFirstLine(Block block, MessageDocument document, QuestionMarker marker)
    {
        var text = document.Text;
        var newline = text.IndexOf('\n', block.Span.Start, block.Span.Length);
        if (newline < 0) return false;
        var line = text[block.Span.Start..newline].TrimEnd();
        return markers.ReadLeadIn(line, QuestionMarkers.SkipDecoration(line, 0, line.Length)) is { } again
            && again.Span.End == line.Length && again.Path == marker.Path;
    }

    /// <summary>The first non-blank character of <see cref="Block.PlainText"/> (math inlines open with '$'), or '\0'.</summary>
    private static char FirstNonBlank(Block block)
    {
        var inlines = block.Inlines;
        for (var i = 0; i < inlines.Count; i++)
        {
            var inline = inlines[i];
            if (inline.Kind == InlineKind.Math) return '$';
            foreach (var c in inline.Text)
                if (!char.IsWhiteSpace(c)) return c;
        }
        return '\0';
    }
}
