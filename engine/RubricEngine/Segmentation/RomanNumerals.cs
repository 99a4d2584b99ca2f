namespace RubricEngine.Segmentation;

/// <summary>Lower-case roman numerals as used for sub-parts: i … xx.</summary>
public static class RomanNumerals
{
    private static readonly string[] Numerals =
        ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"];

    /// <summary>The value of <paramref name="text"/> as a roman numeral from i to xx, or 0.</summary>
    public static int TryParse(string text) => Array.IndexOf(Numerals, text.ToLowerInvariant()) + 1;

    public static bool IsRoman(string text) => TryParse(text) > 0;
}
