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

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopSpans = Stop.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The content words of <paramref name="text"/>, in order.</summary>
    public static List<string> Words(string text)
    {
        // One pass over the text into a reused buffer: a word's string is built only when it is kept (stop words
        // and their folds are compared as spans).
        var words = new List<string>();
        Span<char> small = stackalloc char[64];
        char[]? rented = null;
        var buffer = small;
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))
            {
                // A LaTeX command (\mathbf, \text, \operatorname) is markup, not a word; its argument is kept.
                Flush(buffer[..length], words);
                length = 0;
                while (i + 1 < text.Length && char.IsAsciiLetter(text[i + 1])) i++;
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (length == buffer.Length)
                {
                    var larger = System.Buffers.ArrayPool<char>.Shared.Rent(buffer.Length * 2);
                    buffer[..length].CopyTo(larger);
                    if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
                    rented = larger;
                    buffer = larger;
                }
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else if (c == '\'' && length > 0) continue;
            else
            {
                Flush(buffer[..length], words);
                length = 0;
            }
        }
        Flush(buffer[..length], words);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return words;
    }

    private static void Flush(ReadOnlySpan<char> word, List<string> words)
    {
        if (word.Length == 0) return;
        var folded = Fold(word, out var suffix);
        if (StopSpans.Contains(folded) && suffix is null) return;
        if (suffix is not null)
        {
            var whole = string.Concat(folded, suffix);
            if (!Stop.Contains(whole)) words.Add(whole);
            return;
        }
        words.Add(folded.ToString());
    }

    /// <summary>"conditions" → "condition", "identities" → "identity" (the stem, plus a suffix to append); "loss", "bias" kept.</summary>
    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word, out string? suffix)
    {
        suffix = null;
        if (word.Length <= 3 || !char.IsAsciiLetter(word[^1])) return word;
        if (word.EndsWith("ies") && word.Length > 4)
        {
            suffix = "y";
            return word[..^3];
        }
        if (word.EndsWith('s') && !word.EndsWith("ss") && !word.EndsWith("us") && !word.EndsWith("is"))
            return word[..^1];
        return word;
    }
}
