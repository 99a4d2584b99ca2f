using RubricEngine.Rubrics;
using RubricEngine.Segmentation;

namespace RubricEngine.Tests.Segmentation;

/// <summary><c>.Statement(…)</c> and <c>r.Statement("assignment.md")</c>: the questions' text, as the segmenter matches it.</summary>
public sealed class StatementTests
{
    [Test]
    public void A_questions_statement_is_given_inline_and_criteria_follow()
    {
        var globals = new RubricGlobals(".");
        globals.Rubric("t", r => r.Question("mt.a", "Stacking encoder and decoder").Statement("Your teammate proposes stacking the encoder and decoder vertically.")
            .Criterion("C-01", "Anything", 1).Custom(_ => CheckResult.Pass()));
        var rubric = globals.BuildRubric();

        Assert.That(rubric.Questions.Single().Statement, Is.EqualTo("Your teammate proposes stacking the encoder and decoder vertically."));
        Assert.That(rubric.SegmenterOptions.Statements[new QuestionPath("mt.a")], Does.StartWith("Your teammate"));
        Assert.That(rubric.Criteria.Single().Question, Is.EqualTo(new QuestionPath("mt.a")));
    }

    [Test]
    public void An_assignment_file_is_split_into_statements_by_its_markers()
    {
        var folder = Directory.CreateTempSubdirectory("rubric-statements-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "assignment.md"), """
                ## Problem 1: Warm-up

                Some setup text shared by the parts.

                (a) Compute the gradient of $x^2$.

                (b) Find the minimum.

                ## Machine Translation

                (a) What goes wrong when the encoder and decoder are stacked vertically?

                **(b)** Which tokens enter the decoder during teacher forcing?
                """);
            var globals = new RubricGlobals(folder);
            globals.Rubric("t", r =>
            {
                r.Statement("assignment.md");
                r.Question("1.a").Criterion("C-01", "x", 1).Custom(_ => CheckResult.Pass());
                r.Question("1.b").Statement("Own text wins.").Criterion("C-02", "x", 1).Custom(_ => CheckResult.Pass());
                r.Question("mt.a", "Stacking", "Machine Translation").Criterion("C-03", "x", 1).Custom(_ => CheckResult.Pass());
                r.Question("mt.b").Criterion("C-04", "x", 1).Custom(_ => CheckResult.Pass());
            });
            var statements = globals.BuildRubric().Questions.ToDictionary(q => q.Path.Value, q => q.Statement);

            Assert.That(statements["1.a"], Is.EqualTo("(a) Compute the gradient of $x^2$."));
            Assert.That(statements["1.b"], Is.EqualTo("Own text wins."));
            Assert.That(statements["mt.a"], Does.StartWith("(a) What goes wrong"));
            Assert.That(statements["mt.b"], Does.Contain("teacher forcing"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_missing_assignment_file_is_a_rubric_error_naming_it()
    {
        var globals = new RubricGlobals(".");
        var e = Assert.Throws<RubricDefinitionException>(() => globals.Rubric("t", r => r.Statement("nowhere/assignment.md")));

        Assert.That(e!.Message, Does.Contain("nowhere/assignment.md"));
    }

    [Test]
    public void The_hw7_rubric_gives_every_question_a_statement()
    {
        var rubric = Hw7Example.Rubric;

        Assert.That(rubric.Questions.Where(q => string.IsNullOrWhiteSpace(q.Statement)).Select(q => q.Path.Value), Is.Empty);
        Assert.That(rubric.Questions.Single(q => q.Path == "mt.c").Statement, Does.StartWith("Why does attention help"));
        Assert.That(rubric.Questions.Single(q => q.Path == "3.b.ii").Statement, Does.Contain("principal directions"));
    }
}
