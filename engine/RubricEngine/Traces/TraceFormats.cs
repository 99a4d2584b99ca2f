namespace RubricEngine.Traces;

/// <summary>Names of the formats the engine reads.</summary>
internal static class TraceFormats
{
    public const string Canonical = "rubric-trace/1";
    public const string ChatGpt = "chatgpt";
    public const string Claude = "claude";
    public const string LeChat = "lechat";
    public const string ShareGpt = "sharegpt";
    public const string Markdown = "markdown";
    public const string Gemini = "gemini";
    public const string OpenAiChat = "openai-chat";
    public const string Grok = "grok";
    public const string Perplexity = "perplexity";

    /// <summary>Every format name, in detection order.</summary>
    public static readonly IReadOnlyList<string> All = Formats.TraceFormatRegistry.All.Select(f => f.Name).ToArray();
}
