using Markdig.Syntax.Inlines;

namespace RubricEngine.Documents.LatexDelimiters;

/// <summary>
/// Math written <c>\( … \)</c> (or <c>\[ … \]</c> inside a line of prose). <see cref="Markdig.Syntax.MarkdownObject.Span"/>
/// covers both delimiters; <see cref="Content"/> is the TeX between them.
/// </summary>
public sealed class LatexMathInline : LeafInline
{
    /// <summary>The TeX between the delimiters.</summary>
    public string Content { get; init; } = "";

    /// <summary>True for <c>\[ … \]</c> written inside a paragraph.</summary>
    public bool IsDisplay { get; init; }
}
