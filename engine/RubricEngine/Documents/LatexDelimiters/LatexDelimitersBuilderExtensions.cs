using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace RubricEngine.Documents.LatexDelimiters;

/// <summary>Builder method for <see cref="LatexDelimitersExtension"/>.</summary>
public static class LatexDelimitersBuilderExtensions
{
    /// <summary>Parses <c>\[ … \]</c> as display math and <c>\( … \)</c> as inline math.</summary>
    public static MarkdownPipelineBuilder UseLatexDelimiters(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<LatexDelimitersExtension>();
        return pipeline;
    }
}
