using System.Text;

namespace RubricEngine.Segmentation;

/// <summary>
/// The words of a text as titles and statements are compared: lower case, punctuation and LaTeX commands dropped
/// (<c>\mathbf{U}_k</c> → "u k"), plurals folded ("conditions" → "condition"), and the commonest function words left
/// out. Linear in the text.
/// </summary>
internal static class WordForms
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "be", "was", "that", "this", "it",
        "its", "with", "by", "as", "at", "from", "what", "which", "how", "why", "do", "does", "you", "your", "we", "our",
        "i", "me", "my", "can", "could", "would", "will", "please", "now", "let", "us", "lets", "part", "problem",
        "question", "pt", "pts", "point", "these", "those", "there", "their", "if", "so", "then", "than", "into", "about",
    };

    /// <summary>The content words of <paramref name="text"/>, in order.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))
            {
                // A LaTeX command (\mathbf, \text, \operatorname) is markup, not a word; its argument is kept.
                Flush(current, words);
                while (i + 1 < text.Length && char.IsAsciiLetter(text[i + 1])) i++;
                continue;
            }
            if (char.IsLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
            else if (c == '\'' && current.Length > 0) continue;
            else Flush(current, words);
        }
        Flush(current, words);
        return words;
    }

    private static void Flush(StringBuilder current, List<string> words)
    {
        if (current.Length == 0) return;
        var word = Fold(current.ToString());
        current.Clear();
        if (!Stop.Contains(word)) words.Add(word);
    }

    /// <summary>"conditions" → "condition", "identities" → "identity"; "loss", "bias" kept.</summary>
    private static string Fold(string word)
    {
        if (word.Length <= 3 || !char.IsAsciiLetter(word[^1])) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal))
            return word[..^1];
        return word;
    }
}
