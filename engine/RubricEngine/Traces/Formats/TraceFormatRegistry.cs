namespace RubricEngine.Traces.Formats;

/// <summary>
/// Every format the reader knows, in detection order. Order matters only where shapes could overlap: each format
/// checks a distinguishing field, and the looser shapes (a bare array of role/content messages) come last.
/// </summary>
internal static class TraceFormatRegistry
{
    public static readonly CanonicalTraceFormat Canonical = new();

    public static readonly IReadOnlyList<ITraceFormat> All =
    [
        Canonical,
        new ChatGptExportFormat(),
        new ClaudeExportFormat(),
        new GeminiTakeoutFormat(),
        // Before ShareGPT: Grok and Perplexity also keep their turns under 'conversations'.
        new GrokExportFormat(),
        new PerplexityExportFormat(),
        new ShareGptFormat(),
        new OpenAiChatFormat(),
        new LeChatExportFormat(),
        new MarkdownTranscriptFormat(),
    ];

    public static readonly IReadOnlyList<ITraceFormat> Json = All.Where(f => f.IsJson).ToArray();

    public static readonly IReadOnlyList<ITraceFormat> Text = All.Where(f => !f.IsJson).ToArray();

    /// <summary>The format of that name (case-insensitive), or null.</summary>
    public static ITraceFormat? Find(string name) => All.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>What JSON detection looked for, for the message when nothing matched.</summary>
    public static string JsonLooksFor => string.Join(", ", Json.Select(f => f.LooksFor));

    /// <summary>What text detection looked for.</summary>
    public static string TextLooksFor => string.Join("; ", Text.Select(f => f.LooksFor));
}
