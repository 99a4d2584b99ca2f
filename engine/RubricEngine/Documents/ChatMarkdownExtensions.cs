using Markdig;
using RubricEngine.Documents.LatexDelimiters;

namespace RubricEngine.Documents;

/// <summary>The Markdown dialect of chat exports, in one place for every reader of message text.</summary>
public static class ChatMarkdownExtensions
{
    /// <summary>
    /// What assistants write: <c>$…$</c>/<c>$$…$$</c> and <c>\(…\)</c>/<c>\[…\]</c> math, pipe and grid tables, with exact
    /// source spans. The grader's parser and the review site's renderer both build on it, so the blocks a finding's
    /// span was computed on are the blocks a page shows.
    /// </summary>
    public static MarkdownPipelineBuilder UseChatMarkdown(this MarkdownPipelineBuilder pipeline) => pipeline
        .UseMathematics()
        .UseLatexDelimiters()
        .UsePipeTables()
        .UseGridTables()
        .UsePreciseSourceLocation();
}
