using Markdig.Parsers;
using Markdig.Syntax;

namespace RubricEngine.Documents.LatexDelimiters;

/// <summary>
/// Display math written <c>\[ … \]</c> on lines of its own. <see cref="MarkdownObject.Span"/> covers both
/// delimiters; <see cref="Content"/> is the TeX between them, trimmed.
/// </summary>
public sealed class LatexDisplayMathBlock(BlockParser parser) : LeafBlock(parser)
{
    /// <summary>The TeX between the delimiters, without surrounding blank space.</summary>
    public string Content { get; internal set; } = "";

    internal System.Text.StringBuilder? Builder { get; set; }
}
