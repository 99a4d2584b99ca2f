namespace RubricEngine.Traces;

/// <summary>Who wrote a message.</summary>
public enum Role
{
    User,
    Assistant,
    System,
    Tool,
}

/// <summary>The student a trace belongs to. Only <see cref="Id"/> is required.</summary>
public sealed record Student(string Id, string? Name = null, string? Email = null);

/// <summary>Reference material a trace or a rubric grounds numbers in (a blog post, a paper excerpt).</summary>
public sealed record SourceText(string Id, string? Title, string Text);

/// <summary>A file attached to a message; <see cref="Text"/> is its extracted text when the export carries it.</summary>
public sealed record Attachment(string Name, string? MediaType, string? Text);

/// <summary>
/// A student's comment on an assistant message. <see cref="Quote"/>, when present, anchors it to an exact
/// excerpt of the message.
/// </summary>
public sealed record Annotation(string Text, string? Quote, IReadOnlyList<string> Tags);

/// <summary>One message of a conversation. <see cref="Index"/> counts from 0 in the trace's messages.</summary>
public sealed record Message(
    int Index,
    Role Role,
    string Content,
    DateTimeOffset? Time,
    IReadOnlyList<Attachment> Attachments,
    IReadOnlyList<Annotation> Annotations,
    string? Question);

/// <summary>
/// One student's exported conversation with a language model, in the engine's canonical shape
/// (<c>rubric-trace/1</c>), whatever format it was read from.
/// </summary>
public sealed record Trace(
    string Id,
    string? Assignment,
    Student Student,
    string? Model,
    IReadOnlyList<SourceText> Sources,
    IReadOnlyList<Message> Messages)
{
    /// <summary>The file the trace was read from, as given on the command line (for messages and locations).</summary>
    public string File { get; init; } = "";

    /// <summary>The format it was read from: <c>rubric-trace/1</c>, <c>chatgpt</c>, <c>claude</c>, …</summary>
    public string Format { get; init; } = TraceFormats.Canonical;
}

/// <summary>Names of the formats the engine reads.</summary>
public static class TraceFormats
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
