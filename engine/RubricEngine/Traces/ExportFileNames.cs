namespace RubricEngine.Traces;

/// <summary>
/// The names exporters give their files, which say nothing about the student: <c>conversations.json</c> (ChatGPT,
/// Claude), <c>chat-&lt;uuid&gt;.json</c> (Le Chat), <c>claude_conversation.json</c>, <c>ChatGPT-&lt;title&gt;.md</c>
/// (pionxzh/chatgpt-exporter), <c>MyActivity.json</c> (Google Takeout). For these the student is the folder's name.
/// </summary>
internal static class ExportFileNames
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "conversations", "conversation", "chat", "chats", "export", "messages", "trace", "transcript",
        "claude_conversation", "claude_conversations", "MyActivity", "My Activity",
    };

    // Prefixes followed by an id or a title the exporter made up: "chat-4de4…", "ChatGPT-Backprop derivation".
    private static readonly string[] Prefixes = ["chat-", "ChatGPT-", "ChatGPT_", "Claude-", "Gemini-", "conversation-", "conversation_"];

    /// <summary>True when <paramref name="stem"/> (a file name without extension) is an exporter's default name.</summary>
    public static bool IsGeneric(string stem) =>
        Names.Contains(stem) || Prefixes.Any(p => stem.StartsWith(p, StringComparison.OrdinalIgnoreCase) && stem.Length > p.Length);
}
