namespace RubricEngine.Traces.Notes;

/// <summary>One note of a notes file: the words it quotes from an answer, the student's comment, and its line.</summary>
public sealed record StudentNote(string Quote, string Text, IReadOnlyList<string> Tags, int Line);
