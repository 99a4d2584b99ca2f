using RubricEngine.Tests.Checks.Corpora;

namespace RubricEngine.Benchmarks;

/// <summary>
/// <c>checks-corpus</c>: the built-in checks against the hand-labeled corpora of tests/check-corpora — precision and
/// recall of RE0002's ungrounded figures, RE0001's word counts within ±2, RE0004's agreement — and every miss.
/// </summary>
internal static class ChecksCorpusCommand
{
    public static int Run(bool verbose)
    {
        var numbers = CheckCorpusScores.Numbers();
        var words = CheckCorpusScores.WordCounts();
        var derivations = CheckCorpusScores.Derivations();
        Print(numbers.ToString(), numbers.Misses, verbose);
        Print(words.ToString(), words.Misses, verbose);
        Print(derivations.ToString(), derivations.Misses, verbose);
        return 0;
    }

    private static void Print(string figure, IReadOnlyList<string> misses, bool verbose)
    {
        Console.WriteLine(figure);
        foreach (var miss in verbose ? misses : misses.Take(20)) Console.WriteLine("  " + miss);
        if (!verbose && misses.Count > 20) Console.WriteLine($"  … {misses.Count - 20} more (--all)");
    }
}
