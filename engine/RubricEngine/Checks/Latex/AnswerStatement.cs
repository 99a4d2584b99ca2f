using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks.Latex;

/// <summary>One normalized statement of an answer with the segment it came from.</summary>
internal sealed record AnswerStatement(MathSegment Segment, NormalizedStatement Statement)
{
    public TextSpan Span => Segment.Span;

    /// <summary>Number of relation links between two written sides: <c>a = b = c</c> has 2.</summary>
    public int Links
    {
        get
        {
            var links = 0;
            for (var i = 0; i + 1 < Statement.SideCount; i++)
                if (Statement.SideAt(i) is not null && Statement.SideAt(i + 1) is not null) links++;
            return links;
        }
    }

    /// <summary>Keys of the variables and other atoms the statement mentions.</summary>
    public IEnumerable<string> AtomKeys
    {
        get
        {
            for (var i = 0; i < Statement.SideCount; i++)
                if (Statement.SideAt(i) is { } p)
                    foreach (var m in p.Terms)
                        foreach (var a in m.Atoms)
                            yield return a.Base;
        }
    }
}
