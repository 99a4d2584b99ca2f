using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace RubricEngine.Documents.LatexDelimiters;

/// <summary>
/// Adds LaTeX's own math delimiters, which language models use as often as dollars: <c>\[ … \]</c> on lines of
/// their own becomes a <see cref="LatexDisplayMathBlock"/>, <c>\( … \)</c> (and <c>\[ … \]</c> inside prose) a
/// <see cref="LatexMathInline"/>. Parsing only: nothing is rendered.
/// </summary>
public sealed class LatexDelimitersExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<LatexDisplayMathParser>())
            pipeline.BlockParsers.Insert(0, new LatexDisplayMathParser());
        if (!pipeline.InlineParsers.Contains<LatexMathInlineParser>())
        {
            // Before the escape parser, which owns '\'.
            var escape = pipeline.InlineParsers.FindIndex(p => p is EscapeInlineParser);
            pipeline.InlineParsers.Insert(escape < 0 ? 0 : escape, new LatexMathInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
