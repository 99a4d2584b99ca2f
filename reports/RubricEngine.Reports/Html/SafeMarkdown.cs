using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using RubricEngine.Documents.LatexDelimiters;

namespace RubricEngine.Reports.Html;

/// <summary>
/// Markdown of untrusted messages to HTML with Markdig: raw HTML is not parsed (it shows as text), images become
/// their alt text (no remote resource is ever requested), links keep only http(s)/mailto targets and get
/// <c>rel="nofollow noopener noreferrer"</c>, any other link shows as its text. Math is left as TeX inside
/// <c>.math</c> elements for KaTeX to typeset in the browser.
/// </summary>
public sealed class SafeMarkdown
{
    // The grader's dialect, with raw HTML left as text.
    private readonly MarkdownPipeline _pipeline = RubricEngine.Documents.ChatMarkdownExtensions.UseChatMarkdown(new MarkdownPipelineBuilder()).DisableHtml().Build();

    /// <summary>A shared instance (thread-safe: the pipeline is immutable, each call has its own renderer).</summary>
    public static SafeMarkdown Default { get; } = new();

    /// <summary>Parses <paramref name="text"/> and removes what must not reach a page; null when Markdig gives up.</summary>
    public MarkdownDocument? Parse(string text)
    {
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, _pipeline);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InsufficientExecutionStackException or IndexOutOfRangeException)
        {
            return null;
        }
        // Links and images need '[' and autolinks '<' (our dialect has no bare-URL links): without either, nothing to remove.
        if (text.AsSpan().IndexOfAny('[', '<') >= 0) Sanitize(document);
        return document;
    }

    /// <summary>The HTML of one block of a document returned by <see cref="Parse"/>.</summary>
    public string Render(Block block) => NewRenderer().Render(block);

    /// <summary>The HTML of each of <paramref name="blocks"/>, through one renderer.</summary>
    public IReadOnlyList<string> RenderEach(IReadOnlyList<Block> blocks)
    {
        var renderer = NewRenderer();
        return blocks.Select(renderer.Render).ToList();
    }

    /// <summary>A renderer for the blocks of one message: setting one up costs more than rendering a block.</summary>
    public BlockRenderer NewRenderer() => new(_pipeline);

    /// <summary>Renders blocks one at a time through one Markdig <see cref="HtmlRenderer"/>. Not thread-safe.</summary>
    public sealed class BlockRenderer
    {
        private readonly StringWriter _writer = new();
        private readonly HtmlRenderer _renderer;
        private StringWriter? _target;

        internal BlockRenderer(MarkdownPipeline pipeline)
        {
            _renderer = new HtmlRenderer(_writer);
            pipeline.Setup(_renderer);
            _renderer.ObjectRenderers.Add(new LatexInlineRenderer());
            _renderer.ObjectRenderers.Add(new LatexBlockRenderer());
        }

        /// <summary>The HTML of <paramref name="block"/>.</summary>
        public string Render(Block block)
        {
            _renderer.Writer = _writer;
            var text = _writer.GetStringBuilder();
            text.Clear();
            _renderer.Render(block);
            _writer.Flush();
            return text.ToString();
        }

        /// <summary>
        /// Starts a new message: Markdig's renderer remembers whether its last output ended a line, and a message's
        /// first block must be written as by a fresh renderer.
        /// </summary>
        public void StartMessage()
        {
            _renderer.Writer = _writer;
            _renderer.EnsureLine();
            _writer.GetStringBuilder().Clear();
        }

        /// <summary>Appends the HTML of <paramref name="block"/> to <paramref name="html"/> (no string per block).</summary>
        public void RenderTo(StringBuilder html, Block block)
        {
            if (!ReferenceEquals(_target?.GetStringBuilder(), html)) _target = new StringWriter(html);
            _renderer.Writer = _target;
            _renderer.Render(block);
        }
    }

    /// <summary>The whole of <paramref name="text"/> rendered (tests and small snippets).</summary>
    public string ToHtml(string text)
    {
        var document = Parse(text);
        if (document is null) return "<p>" + HtmlText.Escape(text) + "</p>";
        return string.Concat(RenderEach(document.ToList()));
    }

    private static void Sanitize(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage)
            {
                var alt = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                link.ReplaceBy(new LiteralInline($"[image{(alt.Length > 0 ? ": " + alt : "")}]"));
            }
            else if (HtmlText.IsSafeLink(link.Url))
            {
                link.GetAttributes().AddProperty("rel", "nofollow noopener noreferrer");
            }
            else
            {
                // Keep what the student wrote as the link's text; drop the target.
                foreach (var child in link.ToList())
                {
                    child.Remove();
                    link.InsertBefore(child);
                }
                link.Remove();
            }
        }
        foreach (var auto in document.Descendants<AutolinkInline>().ToList())
        {
            if (auto.IsEmail || HtmlText.IsSafeLink(auto.Url)) auto.GetAttributes().AddProperty("rel", "nofollow noopener noreferrer");
            else auto.ReplaceBy(new LiteralInline(auto.Url));
        }
    }

    private sealed class LatexInlineRenderer : HtmlObjectRenderer<LatexMathInline>
    {
        protected override void Write(HtmlRenderer renderer, LatexMathInline obj)
        {
            renderer.Write(obj.IsDisplay ? "<span class=\"math display\">\\[" : "<span class=\"math\">\\(");
            renderer.WriteEscape(obj.Content);
            renderer.Write(obj.IsDisplay ? "\\]</span>" : "\\)</span>");
        }
    }

    private sealed class LatexBlockRenderer : HtmlObjectRenderer<LatexDisplayMathBlock>
    {
        protected override void Write(HtmlRenderer renderer, LatexDisplayMathBlock obj)
        {
            renderer.Write("<div class=\"math\">\\[");
            renderer.WriteEscape(obj.Content);
            renderer.Write("\\]</div>");
        }
    }
}
