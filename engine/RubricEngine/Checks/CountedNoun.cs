using System.Globalization;
using Humanizer;

namespace RubricEngine.Checks;

/// <summary>
/// "1 word", "183 words": Humanizer's <c>ToQuantity(n, format: "0", InvariantCulture)</c> with the two forms of the noun
/// inflected once. Humanizer re-runs its regex inflection rules on every call, which cost a WordLimit check more than
/// counting the words. Immutable.
/// </summary>
internal sealed class CountedNoun
{
    private readonly string _singular;
    private readonly string _plural;

    public CountedNoun(string noun)
    {
        _singular = noun.ToQuantity(1, ShowQuantityAs.None);
        _plural = noun.ToQuantity(2, ShowQuantityAs.None);
    }

    public static CountedNoun Word { get; } = new("word");

    public static CountedNoun Number { get; } = new("number");

    /// <summary>The count in invariant digits, a space, and the noun inflected for it (singular for 1 and -1, as Humanizer).</summary>
    public string Format(long count) =>
        string.Concat(count.ToString("0", CultureInfo.InvariantCulture), " ", count is 1 or -1 ? _singular : _plural);
}
