using System.Globalization;

namespace RubricEngine.Checks;

/// <summary>
/// "1 word", "183 words": a count with its noun in the right number. The two forms are spelled out rather than asked
/// of Humanizer: its first inflection builds the whole English vocabulary (about a hundred regexes), a tenth of a
/// second of a one-trace run, and every later call re-runs its rules. Immutable.
/// </summary>
internal sealed class CountedNoun(string singular, string plural)
{
    public static CountedNoun Word { get; } = new("word", "words");

    public static CountedNoun Number { get; } = new("number", "numbers");

    /// <summary>The count in invariant digits, a space, and the noun in the right number (singular for 1 and -1, as Humanizer).</summary>
    public string Format(long count) =>
        string.Concat(count.ToString("0", CultureInfo.InvariantCulture), " ", count is 1 or -1 ? singular : plural);
}
