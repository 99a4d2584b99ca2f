namespace RubricEngine.Traces;

/// <summary>
/// The names exporters give their files, which say nothing about the student: <c>conversations.json</c> (ChatGPT,
/// Claude), <c>chat-&lt;uuid&gt;.json</c> (Le Chat), <c>claude_conversation.json</c> (withLinda/claude-conversation-exporter),
/// <c>ChatGPT-&lt;title&gt;.md</c> (pionxzh/chatgpt-exporter), <c>MyActivity.json</c> (Google Takeout),
/// <c>prod-grok-backend.json</c> (Grok). For these the
/// student is the folder's name.
/// </summary>
internal static class ExportFileNames
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "conversations", "conversation", "chat", "chats", "export", "messages", "trace", "transcript",
        "claude_conversation", "claude_conversations", "MyActivity", "My Activity", "prod-grok-backend",
    };

    /// <summary>True when <paramref name="stem"/> (a file name without extension) is an exporter's default name.</summary>
    public static bool IsGeneric(string stem) =>
        Names.Contains(stem)
        // Le Chat: "chat-" and the chat's uuid.
        || (stem.StartsWith("chat-", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(stem.AsSpan(5), out _))
        // pionxzh/chatgpt-exporter's default "ChatGPT-{title}", exactly as it writes it.
        || (stem.StartsWith("ChatGPT-", StringComparison.Ordinal) && stem.Length > "ChatGPT-".Length);
}
