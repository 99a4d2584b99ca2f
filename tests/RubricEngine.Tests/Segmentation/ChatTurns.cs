using RubricEngine.Documents;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Segmentation;

/// <summary>A conversation written as turns, for attribution tests: the trace and each message's parsed document.</summary>
internal static class ChatTurns
{
    /// <summary>Turns alternate user, assistant; a turn starting with "A:" is an assistant turn wherever it stands.</summary>
    public static (Trace Trace, MessageDocument[] Documents) Build(string assignment, params string[] turns)
    {
        var messages = new List<Message>();
        var role = Role.User;
        foreach (var turn in turns)
        {
            var (r, content) = turn.StartsWith("A:", StringComparison.Ordinal) ? (Role.Assistant, turn[2..].TrimStart()) : (role, turn);
            messages.Add(new Message(messages.Count, r, content, null, [], [], null));
            role = r == Role.User ? Role.Assistant : Role.User;
        }
        var trace = new Trace("t", assignment, new Student("s"), null, [], messages);
        return (trace, messages.Select(m => MarkdownDocumentParser.Default.Parse(m.Content)).ToArray());
    }
}
