namespace RubricEngine.Tests.Checks.Corpora;

/// <summary>
/// The figures of the built-in checks on the hand-labeled corpora of tests/check-corpora (README there), the same
/// figures `checks-corpus` prints. A regression below a floor fails here with every miss listed.
/// </summary>
public sealed class CheckCorporaTests
{
    [Test]
    public void NumbersGrounded_flags_ungrounded_claims_with_precision_and_recall_098()
    {
        var score = CheckCorpusScores.Numbers();
        Assert.That(score.Mentions, Is.GreaterThanOrEqualTo(300), "the corpus holds at least 300 labeled mentions");
        // Measured 0.984 / 0.984 (the target is 0.95); the one miss left is a figure the source gives for
        // another thing (93.5% for BERT-large claimed for BERT-base), the one false flag "2 bytes" for FP16.
        Assert.That(score.Precision, Is.GreaterThanOrEqualTo(0.98), Report(score.ToString(), score.Misses));
        Assert.That(score.Recall, Is.GreaterThanOrEqualTo(0.98), Report(score.ToString(), score.Misses));
    }

    [Test]
    public void WordLimit_counts_every_answer_within_two_words_of_a_person()
    {
        var score = CheckCorpusScores.WordCounts();
        Assert.That(score.Items, Is.GreaterThanOrEqualTo(50));
        Assert.That(score.Within, Is.EqualTo(score.Items), Report(score.ToString(), score.Misses));
    }

    [Test]
    public void DerivationShown_agrees_with_the_labels()
    {
        var score = CheckCorpusScores.Derivations();
        Assert.That(score.Items, Is.GreaterThanOrEqualTo(30));
        Assert.That(score.Agreement, Is.GreaterThanOrEqualTo(0.90), Report(score.ToString(), score.Misses));
    }

    [Test]
    public void An_unlabeled_number_is_reported_with_file_and_line()
    {
        var items = CheckCorpus.Parse("n.md", "%%% n-1 source=s.md\nIt took {|grounded:341 s|} and 35 minutes.\n", CheckCorpusScores.NumberKinds);
        Assert.That(items.Single().Text, Is.EqualTo("It took 341 s and 35 minutes."));
        Assert.That(items.Single().Labels.Single(), Is.EqualTo(new CorpusLabel("grounded", 8, 13, "341 s")));
        Assert.That(CheckCorpus.UnlabeledNumbers(items.Single()), Is.EqualTo(new[] { "n.md(2): unlabeled number '35' in item n-1" }));
    }

    [Test]
    public void A_label_of_an_unknown_kind_is_an_error_naming_its_line()
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            CheckCorpus.Parse("n.md", "%%% n-1\nfirst line\n{|grounde:3x|}\n", CheckCorpusScores.NumberKinds));
        Assert.That(error!.Message, Does.StartWith("n.md(3): unknown label kind 'grounde'"));
    }

    private static string Report(string figure, IReadOnlyList<string> misses) => figure + Environment.NewLine + string.Join(Environment.NewLine, misses);
}
