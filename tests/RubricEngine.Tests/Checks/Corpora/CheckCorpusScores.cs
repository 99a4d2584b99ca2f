using System.Globalization;
using RubricEngine.Checks;
using RubricEngine.Rubrics;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Checks.Corpora;

/// <summary>RE0002 on the numbers corpus: precision and recall of the figures it flags as not grounded.</summary>
internal sealed record NumbersScore(int Items, int Mentions, int UngroundedLabels, int Flagged, int FlaggedCorrectly, int LabelsFound, IReadOnlyList<string> Misses)
{
    public double Precision => Flagged == 0 ? 1 : (double)FlaggedCorrectly / Flagged;

    public double Recall => UngroundedLabels == 0 ? 1 : (double)LabelsFound / UngroundedLabels;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"numbers: {Items} answers, {Mentions} labeled mentions ({UngroundedLabels} ungrounded); flagged {Flagged}, {FlaggedCorrectly} rightly; precision {Precision:0.000}, recall {Recall:0.000}");
}

/// <summary>RE0001 on the word-count corpus: answers counted within ±2 of the person's count.</summary>
internal sealed record WordCountScore(int Items, int Within, IReadOnlyList<string> Misses)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"word counts: {Within} of {Items} answers within ±{CheckCorpusScores.WordTolerance} words of the person's count");
}

/// <summary>RE0004 on the derivations corpus: answers where full points go exactly to the "shown" label.</summary>
internal sealed record DerivationScore(int Items, int Agree, IReadOnlyList<string> Misses)
{
    public double Agreement => Items == 0 ? 1 : (double)Agree / Items;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"derivations: {Agree} of {Items} verdicts agree with the label ({Agreement:P1})");
}

/// <summary>Runs the checks on the labeled corpora the way the grader does (real Markdown parsing, a trace, an answer).</summary>
internal static class CheckCorpusScores
{
    public const int WordTolerance = 2;

    public static readonly string[] NumberKinds = ["grounded", "ungrounded", "term"];

    public static NumbersScore Numbers()
    {
        var items = CheckCorpus.Load("numbers", NumberKinds);
        var unlabeled = items.SelectMany(CheckCorpus.UnlabeledNumbers).ToList();
        if (unlabeled.Count > 0) throw new InvalidDataException(string.Join(Environment.NewLine, unlabeled));
        var sources = new Dictionary<string, IReadOnlyList<SourceText>>(StringComparer.Ordinal);
        var check = new NumbersGroundedCheck();
        int mentions = 0, ungrounded = 0, flagged = 0, right = 0, found = 0;
        var misses = new List<string>();
        foreach (var item in items)
        {
            var name = item.Attribute("source");
            if (!sources.TryGetValue(name, out var source))
                sources[name] = source = [new SourceText(name, null, File.ReadAllText(CheckCorpus.SourcePath(name)))];
            var answer = TextAnswerFactory.Answer(item.Text, rubricSources: source, trailingTableIsSummary: false);
            // What the check holds against the answer: each ungrounded figure, and each repeat it points at (a note,
            // since a claim costs once); RE0003's notes on names are not figures.
            var flags = check.Evaluate(answer).Evidence
                .Where(e => e.Severity is null or Severity.Warning or Severity.Error || !e.Message.StartsWith(RuleIds.UngroundedIdentifier, StringComparison.Ordinal))
                .ToList();
            mentions += item.Labels.Count;
            foreach (var flag in flags)
            {
                flagged++;
                var label = item.Labels.FirstOrDefault(l => l.Overlaps(flag.Span.Start, flag.Span.End) && l.Kind == "ungrounded")
                    ?? item.Labels.FirstOrDefault(l => l.Overlaps(flag.Span.Start, flag.Span.End));
                if (label?.Kind == "ungrounded") right++;
                else misses.Add($"{item}: flagged '{answer.TextOf(flag)}', labeled {label?.Kind ?? "nothing"}");
            }
            foreach (var label in item.Labels.Where(l => l.Kind == "ungrounded"))
            {
                ungrounded++;
                if (flags.Any(f => label.Overlaps(f.Span.Start, f.Span.End))) found++;
                else misses.Add($"{item}: missed ungrounded '{label.Text}'");
            }
        }
        return new NumbersScore(items.Count, mentions, ungrounded, flagged, right, found, misses);
    }

    public static WordCountScore WordCounts()
    {
        var items = CheckCorpus.Load("word-counts");
        var misses = new List<string>();
        var within = 0;
        foreach (var item in items)
        {
            var expected = item.Int("words");
            var answer = TextAnswerFactory.Answer(item.Text, trailingTableIsSummary: false);
            var counted = WordCounter.Count(answer.Blocks);
            if (Math.Abs(counted - expected) <= WordTolerance) within++;
            else misses.Add(string.Create(CultureInfo.InvariantCulture, $"{item}: person {expected}, RE0001 {counted}"));
        }
        return new WordCountScore(items.Count, within, misses);
    }

    public static DerivationScore Derivations()
    {
        var items = CheckCorpus.Load("derivations");
        var misses = new List<string>();
        var agree = 0;
        foreach (var item in items)
        {
            var shown = item.Attribute("label") switch
            {
                "shown" => true,
                "stated" => false,
                var other => throw new InvalidDataException($"{item}: label={other}; expected shown or stated."),
            };
            var answer = TextAnswerFactory.Answer(item.Text, question: "3.b.i", trailingTableIsSummary: false);
            var result = new DerivationShownCheck(item.Int("min")).Evaluate(answer);
            if (result.Passed == shown) agree++;
            else misses.Add($"{item}: labeled {(shown ? "shown" : "stated")}, check {result.Score:0.##}: {result.Message}");
        }
        return new DerivationScore(items.Count, agree, misses);
    }
}
