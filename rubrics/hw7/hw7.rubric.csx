// CS182 HW7 — grading rubric for the LLM-use homework. Run `rubric test rubrics/hw7` after every change.
#load "shared/cs182.csx"

Rubric("CS182 HW7 — LLM use", r =>
{
    r.Source("sources/resnet-blog.md");          // reference text that numbers must be grounded in
    r.Grade(Attempt.First);                      // or Last / Best; every attempt is still reported
    r.Statement("assignment.md");                // each question's text, split by its markers: pasted prompts match it

    r.Question("3.b.i", "First-order optimality conditions")
     .Criterion("HW7-01", "Derivation shown", points: 2)
     .DerivationShown(minSteps: 3,
                      requires: @"\operatorname{tr}\left((X - W_2 W_1 X)^\top (X - W_2 W_1 X)\right)",
                      named: "the expansion of the Frobenius norm as a trace");

    r.Question("3.b.ii", "Principal components satisfy the conditions")
     .Criterion("HW7-02", "Uses the conditions from (i)", points: 3)
     .ConditionsUsed(from: "3.b.i", substitute: [("W_1", @"U_k^\top"), ("W_2", "U_k")]);

    r.Question("4.a", "Figures from the blog")
     .Criterion("HW7-03", "Numbers grounded in the blog", points: 2)
     .NumbersGrounded(allow: ["ImageNet"]);

    r.Question("4.b", "Summary in about 100 words")
     .Criterion("HW7-04", "About 100 words", points: 1)
     .WordLimit(100, tolerance: 10);

    r.Question("mt.b", "Teacher-forced decoder inputs", aliases: "Machine Translation")
     .Criterion("HW7-05", "Teacher-forced decoder inputs", points: 3)
     .Custom(a => a.Text.Contains("<sos>") ? Pass() : Fail("The decoder inputs do not start with <sos>."))
     .Criterion("HW7-09", "Decoder input sequence", points: 1)
     .Sequence("<sos>", "I", "see", "a");

    r.Question("mt.c", "Why attention")
     .Statement("Why does attention help the encoder-decoder, compared with handing the decoder only the encoder's last hidden state?")
     .Criterion("HW7-06", "Names what attention fixes", points: 1)
     .Mentions("different lengths", "reordering", "alignment");

    r.Question("5.a", "Multiple choice").Criterion("HW7-07", "Correct choice", points: 1).Answer("B");
    r.Question("5.b", "Loss function").Criterion("HW7-08", "Correct loss", points: 1).Answer("nn.MSELoss");

    r.Rule(AnswersAnnotated("HW7-90"), RequireAnnotations);
});
