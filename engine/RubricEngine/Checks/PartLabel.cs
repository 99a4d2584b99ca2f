using System.Text.RegularExpressions;

namespace RubricEngine.Checks;

/// <summary>A part label opening a reply or a line: "**3(a)**", "(a)", "3(b):", "**Q2(c).**", "Part (ii)", "4b)".</summary>
internal static partial class PartLabel
{
    // Letters are lower case, so an option "(B)" is never taken for a label. Linear: no nested quantifiers.
    [GeneratedRegex(@"^[\s*_#]*(?:(?i:problem|question|part|q)\s*)?(?:\d+\s*\([a-z]{1,4}\)(?:\([a-z]{1,4}\))?|\([a-z]{1,4}\)|\d+[a-z]?[.)](?=\s))[\s*_]*[:.]?[\s*_]*", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The text without a part label in front: "**3(a)** **B**" → "B", with the label's length (0 when there is none).</summary>
    public static (string Text, int Skipped) Strip(string text)
    {
        var m = Pattern().Match(text);
        return m.Success && m.Length > 0 && m.Length < text.Length ? (text[m.Length..], m.Length) : (text, 0);
    }

    /// <summary>True when the text is nothing but a part label ("**4(a)**").</summary>
    public static bool IsOnlyLabel(string text)
    {
        var m = Pattern().Match(text);
        return m.Success && m.Length > 0 && text[m.Length..].Trim().Length == 0;
    }
}
