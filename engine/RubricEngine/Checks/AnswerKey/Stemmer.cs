using Humanizer;
using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>A light suffix stripper so plurals and common endings match: lengths → length, reordering → reorder.</summary>
internal static class Stemmer
{
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) w = w[..^3] + "y";
        else if (w.Length > 4 && (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal))) w = w[..^2];
        else if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i')) w = w[..^1];
        if (w.Length > 6 && w.EndsWith("ing", StringComparison.Ordinal)) w = w[..^3];
        else if (w.Length > 5 && w.EndsWith("ed", StringComparison.Ordinal)) w = w[..^2];
        if (w.Length > 7 && w.EndsWith("ment", StringComparison.Ordinal)) w = w[..^4];
        // "aligning"/"aligned"/"align"; "reorder"; undo a doubled final consonant ("mapping" → "mapp" → "map").
        if (w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z') && !"aeiou".Contains(w[^1])) w = w[..^1];
        return w;
    }
}
