using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RubricEngine.Tests.Performance;

/// <summary>
/// Writes synthetic hw7 traces (rubric-trace/1 JSON, one file per trace) for benchmarks and thread-count tests.
/// Each trace is a realistic chat of 8–20 messages and 5–30 KB of Markdown with LaTeX, built from the styles of the
/// bundled hw7 samples: derivations with and without steps, conditions used or hand-waved, figures grounded in the
/// blog or invented, 95- versus 180-word summaries, teacher forcing right or wrong, multiple-choice answers, retries
/// ("retry problem 4") and follow-ups. Every hw7 check passes on some traces and fails on others. Deterministic:
/// the same seed and index always give the same bytes. Shared as a linked file by the benchmark project.
/// </summary>
internal sealed class Hw7TraceGenerator(string blog)
{
    /// <summary>Writes <paramref name="count"/> traces into <paramref name="folder"/>; returns the bytes written.</summary>
    public long WriteCorpus(string folder, int count, int seed)
    {
        Directory.CreateDirectory(folder);
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            var bytes = Generate(seed, i);
            File.WriteAllBytes(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"trace-{i:000000}.json")), bytes);
            total += bytes.Length;
        }
        return total;
    }

    /// <summary>One trace as UTF-8 JSON; depends only on (<paramref name="seed"/>, <paramref name="index"/>).</summary>
    public byte[] Generate(int seed, int index)
    {
        var random = new Random(unchecked(seed * 1_000_003 + index));
        var chat = new Chat();
        var targetBytes = random.Next(5_000, 30_000);
        var targetMessages = random.Next(8, 21);

        if (random.NextDouble() < 0.3) AllInOne(chat, random);
        else PerQuestion(chat, random);

        // Concept questions before the homework (they name no homework question, so they belong to no answer)
        // until the chat has its length and size; then the thanks at the end. Never more than 20 messages.
        var insertAt = 0;
        while ((chat.Messages.Count < targetMessages - 2 || chat.Bytes < targetBytes - 1500) && chat.Messages.Count <= 16)
        {
            var concept = new Chat();
            AddConcept(concept, random);
            chat.Messages.InsertRange(insertAt, concept.Messages);
            insertAt += concept.Messages.Count;
        }
        if (chat.Messages.Count <= 18)
        {
            chat.User(Pick(random, "Thanks, that's everything!", "Thank you, this helps a lot.", "Perfect, thanks."));
            chat.Assistant(Pick(random, "You're welcome! Good luck with HW7.", "Happy to help. Good luck!", "Glad to help — good luck with the homework!"));
        }
        return Write(seed, index, random, chat);
    }

    private byte[] Write(int seed, int index, Random random, Chat chat)
    {
        var student = 3_100_000 + index;
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", "rubric-trace/1");
            json.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"gen-{seed}-{index:000000}"));
            json.WriteString("assignment", "cs182-hw7");
            json.WriteStartObject("student");
            json.WriteString("id", student.ToString(CultureInfo.InvariantCulture));
            json.WriteString("name", $"{Pick(random, FirstNames)} {Pick(random, LastNames)}");
            json.WriteString("email", string.Create(CultureInfo.InvariantCulture, $"s{student}@berkeley.example"));
            json.WriteEndObject();
            json.WriteString("model", Pick(random, "gpt-4o", "claude-3-5-sonnet", "mistral-large", "gpt-4o-mini"));
            json.WriteStartArray("messages");
            var time = new DateTimeOffset(2025, 3, 10, 18, 0, 0, TimeSpan.Zero).AddMinutes(index % 5000);
            foreach (var m in chat.Messages)
            {
                json.WriteStartObject();
                json.WriteString("role", m.Role);
                json.WriteString("content", m.Content);
                json.WriteString("time", time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                time = time.AddMinutes(random.Next(1, 6));
                if (m.Blog)
                {
                    json.WriteStartArray("attachments");
                    json.WriteStartObject();
                    json.WriteString("name", "resnet-blog.md");
                    json.WriteString("mediaType", "text/markdown");
                    json.WriteString("text", blog);
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                if (m.Role == "assistant" && m.Quote is { } quote && random.NextDouble() < 0.6)
                {
                    json.WriteStartArray("annotations");
                    json.WriteStartObject();
                    json.WriteString("text", Pick(random, "Checked this by hand.", "Verified against the lecture notes.", "I am not sure this is right.", "Matches the blog."));
                    json.WriteString("quote", quote);
                    json.WriteStartArray("tags");
                    json.WriteStringValue(Pick(random, "verified", "doubt", "edited"));
                    json.WriteEndArray();
                    json.WriteEndObject();
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    // ---- conversation shapes ----

    /// <summary>Everything asked at once (like alice), then retries of whatever came out wrong.</summary>
    private void AllInOne(Chat chat, Random random)
    {
        var a = Answers.Draw(random);
        chat.User("I need help with CS182 HW7: problems 3(b), 4, the Machine Translation problem (parts b and c) and problem 5. The blog for problem 4 is attached.", blog: true);
        var text = new StringBuilder("Here are complete solutions for the HW7 problems you listed.\n\n## Problem 3(b)\n\n### (i) First-order optimality conditions\n\n");
        text.Append(Derivation(a.DerivationSteps, random)).Append("\n\n### (ii) Principal components satisfy the conditions\n\n");
        text.Append(a.UsesConditions ? PcaWithConditions : PcaHandWave).Append("\n\n## Problem 4\n\n**(a) Figures from the blog.**\n\n");
        text.Append(a.Grounded ? GroundedFigures(random) : InventedFigures(random)).Append("\n\n**(b) Summary in about 100 words.**\n\n");
        text.Append(Summary(random, a.ShortSummary)).Append("\n\n## Machine Translation\n\n**(b)** ");
        text.Append(a.TeacherForcing ? TeacherForcingRight : TeacherForcingWrong).Append("\n\n**(c)** ");
        text.Append(a.Attention ? AttentionRight : AttentionWrong).Append("\n\n## Problem 5\n\n**(a)** ");
        text.Append(a.Choice ? ChoiceRight : ChoiceWrong).Append("\n\n**(b)** ").Append(a.Loss ? LossRight : LossWrong);
        if (random.NextDouble() < 0.5)
            text.Append("\n\n---\n\n### Summary\n\n| Question | Answer |\n|---|---|\n| 3(b)(i) | Conditions (1) and (2) |\n| 4(a) | 94% in 341 s on one V100 |\n")
                .Append(CultureInfo.InvariantCulture, $"| 5(a) | {(a.Choice ? "B" : "C")} |\n| 5(b) | `{(a.Loss ? "nn.MSELoss" : "nn.CrossEntropyLoss")}` |");
        text.Append("\n\nLet me know if you want any step expanded!");
        chat.Assistant(text.ToString(), quote: "Frobenius norm");
        Retries(chat, random, a);
    }

    /// <summary>One question after another (like bob, carol, dan, frank, ivan), each possibly retried at once.</summary>
    private void PerQuestion(Chat chat, Random random)
    {
        var a = Answers.Draw(random);
        var order = new List<int> { 0, 1, 2, 3 };
        for (var i = order.Count - 1; i > 0; i--) { var j = random.Next(i + 1); (order[i], order[j]) = (order[j], order[i]); }
        foreach (var part in order)
        {
            switch (part)
            {
                case 0:
                    chat.User(Pick(random,
                        @"I'm working on CS182 HW7 problem 3(b). Part (i): derive the first-order optimality conditions for the linear autoencoder loss $L(W_1,W_2)=\|X - W_2 W_1 X\|_F^2$.",
                        @"Can you help with HW7 3(b)? (i) Derive the first-order optimality conditions for $L(W_1,W_2)=\|X - W_2 W_1 X\|_F^2$."));
                    chat.Assistant(a.DerivationSteps == 0 ? ConditionsOnly : "### 3(b)(i)\n\n" + Derivation(a.DerivationSteps, random), quote: "optimality");
                    if (a.DerivationSteps == 0 && random.NextDouble() < 0.5)
                    {
                        chat.User("for (i), show the steps of the derivative");
                        chat.Assistant("Sure — here is the full derivation.\n\n" + Derivation(4, random), quote: "Frobenius norm");
                    }
                    chat.User("Great. Now (ii): show that the principal components satisfy these conditions.");
                    chat.Assistant(a.UsesConditions ? PcaWithConditions : PcaHandWave, quote: "principal");
                    break;
                case 1:
                    chat.User("Problem 4: read the attached blog post about fast ResNet training. (a) What figures does the blog report? (b) Summarize it in about 100 words.", blog: true);
                    chat.Assistant("**(a)**\n\n" + (a.Grounded ? GroundedFigures(random) : InventedFigures(random)) + "\n\n**(b)**\n\n" + Summary(random, a.ShortSummary), quote: "blog");
                    break;
                case 2:
                    chat.User("Machine Translation problem, part (b): for the target sentence \"I see a dog\", what are the decoder inputs when training with teacher forcing?");
                    chat.Assistant(a.TeacherForcing ? TeacherForcingRight : TeacherForcingWrong, quote: "decoder");
                    chat.User("And part (c): why do we need attention in this model?");
                    chat.Assistant(a.Attention ? AttentionRight : AttentionWrong, quote: "attention");
                    break;
                default:
                    chat.User("HW7 problem 5. (a) Which of the following makes very deep networks trainable? A. dropout B. residual connections C. batch normalization D. larger learning rates. (b) Which PyTorch loss should you use for a regression target?");
                    chat.Assistant("**Problem 5**\n\n**(a)** " + (a.Choice ? ChoiceRight : ChoiceWrong) + "\n\n**(b)** " + (a.Loss ? LossRight : LossWrong), quote: "correct choice");
                    break;
            }
        }
        Retries(chat, random, a);
    }

    /// <summary>The student pushes back on some wrong answers; the retry is right (graded: the first attempt).</summary>
    private void Retries(Chat chat, Random random, Answers a)
    {
        if ((!a.Grounded || !a.ShortSummary) && random.NextDouble() < 0.7)
        {
            chat.User("Those numbers aren't in the blog. retry problem 4, using only the blog text below:\n\n" + blog, blog: false);
            chat.Assistant("You're right — I apologize. Here is a corrected answer based only on the post.\n\n### 4(a) Figures\n\n" + GroundedFigures(random) +
                "\n\n### 4(b) Summary\n\n" + Summary(random, shortOne: true), quote: "341 seconds");
        }
        if (!a.TeacherForcing && random.NextDouble() < 0.7)
        {
            chat.User("Are you sure? I thought the decoder input should start with a start token. Machine Translation, retry (b)");
            chat.Assistant("Good catch — you're right, I mixed up the inputs and the targets.\n\n" + TeacherForcingRight, quote: "<sos>");
        }
        if ((!a.Choice || !a.Loss) && random.NextDouble() < 0.7)
        {
            chat.User("Are you sure about problem 5 (a)? And isn't (b) a regression question?");
            chat.Assistant("You're right on both counts.\n\n- **(a)** " + ChoiceRight + "\n- **(b)** " + LossRight, quote: "residual");
        }
    }

    private static void AddConcept(Chat chat, Random random)
    {
        var (question, answer) = Concepts[random.Next(Concepts.Length)];
        chat.User("Before the homework: " + question);
        var text = new StringBuilder(answer);
        // Longer explanations with more math, so traces span 5–30 KB.
        var extra = random.Next(0, 4);
        for (var i = 0; i < extra; i++) text.Append("\n\n").Append(Elaborations[random.Next(Elaborations.Length)]);
        chat.Assistant(text.ToString());
    }

    // ---- answer variants ----

    private sealed record Answers(int DerivationSteps, bool UsesConditions, bool Grounded, bool ShortSummary, bool TeacherForcing, bool Attention, bool Choice, bool Loss)
    {
        /// <summary>Each check passes about 60% of the time, independently, so every pass/fail mix appears.</summary>
        public static Answers Draw(Random r) => new(
            r.NextDouble() < 0.6 ? 4 : r.NextDouble() < 0.5 ? 2 : 0,
            r.NextDouble() < 0.6, r.NextDouble() < 0.6, r.NextDouble() < 0.6, r.NextDouble() < 0.6, r.NextDouble() < 0.6, r.NextDouble() < 0.6, r.NextDouble() < 0.6);
    }

    /// <summary>The hw7 derivation with 4 steps (passes), 2 steps without the trace expansion (fails).</summary>
    private static string Derivation(int steps, Random random)
    {
        var label = random.NextDouble() < 0.7 ? (Func<int, string, string>)((n, s) => $"**Step {n}: {s}**") : (n, s) => $"**{s}**";
        var b = new StringBuilder();
        if (steps >= 4)
        {
            b.Append(label(1, "Write the Frobenius norm as a trace.")).Append("\n\n")
             .Append("\\[\nL(W_1, W_2) = \\operatorname{tr}\\big((X - W_2 W_1 X)^\\top (X - W_2 W_1 X)\\big)\n\\]\n\nExpanding the product,\n\n")
             .Append("\\[\nL = \\operatorname{tr}(X^\\top X) - 2\\operatorname{tr}(X^\\top W_2 W_1 X) + \\operatorname{tr}(X^\\top W_1^\\top W_2^\\top W_2 W_1 X)\n\\]\n\n");
        }
        b.Append(label(steps >= 4 ? 2 : 1, "Differentiate with respect to \\(W_2\\).")).Append(" Using \\(\\nabla_A \\operatorname{tr}(A B) = B^\\top\\):\n\n")
         .Append("\\[\n\\nabla_{W_2} L = -2\\,(X - W_2 W_1 X)\\, X^\\top W_1^\\top\n\\]\n\n");
        if (steps >= 4)
            b.Append(label(3, "Differentiate with respect to \\(W_1\\).")).Append("\n\n\\[\n\\nabla_{W_1} L = -2\\, W_2^\\top (X - W_2 W_1 X)\\, X^\\top\n\\]\n\n");
        b.Append(label(steps >= 4 ? 4 : 2, "Set both gradients to zero.")).Append(" The first-order optimality conditions are\n\n")
         .Append("\\[\nW_2^\\top (X - W_2 W_1 X) X^\\top = 0 \\qquad (1)\n\\]\n\n\\[\n(X - W_2 W_1 X) X^\\top W_1^\\top = 0 \\qquad (2)\n\\]");
        return b.ToString();
    }

    private const string ConditionsOnly = """
        Setting the gradients of $L(W_1,W_2)=\|X - W_2 W_1 X\|_F^2$ to zero gives the first-order conditions

        $$
        W_2^\top (X - W_2 W_1 X) X^\top = 0, \qquad (X - W_2 W_1 X) X^\top W_1^\top = 0.
        $$

        These are the standard stationarity conditions for a linear autoencoder.
        """;

    private const string PcaWithConditions = """
        Take \(W_1 = U_k^\top\) and \(W_2 = U_k\), where the columns of \(U_k\) are the top-\(k\) eigenvectors of \(XX^\top\), so \(U_k^\top U_k = I\) and \(XX^\top U_k = U_k \Lambda_k\).

        Substituting into condition (1):

        \[
        U_k^\top (X - U_k U_k^\top X) X^\top = U_k^\top X X^\top - (U_k^\top U_k) U_k^\top X X^\top = U_k^\top X X^\top - U_k^\top X X^\top = 0
        \]

        Substituting into condition (2):

        \[
        (X - U_k U_k^\top X) X^\top U_k = X X^\top U_k - U_k U_k^\top X X^\top U_k = U_k \Lambda_k - U_k \Lambda_k (U_k^\top U_k) = 0
        \]

        Both conditions from part (i) hold, so the principal components are a stationary point of \(L\).
        """;

    private const string PcaHandWave = """
        By condition (1), the principal components are a stationary point: with \(W_1 = U_k^\top\) and \(W_2 = U_k\) the reconstruction \(U_k U_k^\top X\) is the projection of \(X\) onto its top-\(k\) principal subspace, which is the best rank-\(k\) approximation by Eckart–Young. So PCA satisfies the optimality conditions.
        """;

    private static string GroundedFigures(Random random)
    {
        string[] lines =
        [
            "- **Accuracy:** a ResNet-18-style network reaches **94% test accuracy** on CIFAR10.",
            "- **Time:** **341 seconds** on a single V100 GPU.",
            "- **Previous record:** **35 minutes** on **8 V100s**.",
            "- **Main tricks:** mixed precision (FP16) gave a **3x speedup**, batch size **512**, and only **24 epochs**.",
            "- The V100 peaks at **125 TeraFLOPS** in FP16.",
            "- The network has **6.5 million** parameters.",
        ];
        var keep = random.Next(3, lines.Length + 1);
        return "From the blog post:\n\n" + string.Join("\n", lines.Take(keep));
    }

    private static string InventedFigures(Random random) => string.Create(CultureInfo.InvariantCulture, $"""
        The blog describes training ResNet on CIFAR10 much faster than before:

        - Training used to take **~{random.Next(12, 30)} hours** on a single GPU.
        - The new setup reaches **{random.Next(55, 80)}%** accuracy after the first few epochs and 94% at the end.
        - Mixed precision and larger batches are the main improvements.
        """);

    private static readonly string[] SummarySentences =
    [
        "The post shows that a ResNet-18-style network can reach 94% test accuracy on CIFAR10 in 341 seconds on one V100 GPU, against a previous record of 35 minutes on eight GPUs.",
        "Most of the gain comes from mixed precision, which alone gives a threefold speedup by using the tensor cores, and from a batch size of 512.",
        "A 24-epoch schedule with learning-rate warm-up, a slightly leaner network and GPU-side data augmentation save the rest of the time.",
        "The lesson is practical: before adding hardware, make sure the GPU you already have is fully busy.",
    ];

    private static readonly string[] LongSummarySentences =
    [
        "The blog post is about making the training of image classifiers on CIFAR10 dramatically faster, and it walks through the engineering decisions that together bring the training time of a ResNet-18-style network down to a few minutes.",
        "The starting point is the observation that training a good classifier used to be an overnight job, and that even the previous record for 94% accuracy needed 35 minutes on a cluster of eight V100 GPUs.",
        "The authors instead use a single V100 and reach the same 94% test accuracy in 341 seconds.",
        "The biggest single improvement is mixed precision training, which uses FP16 arithmetic with FP32 master weights and gives roughly a three times speedup because the tensor cores are so much faster.",
        "The second is a larger batch size of 512, combined with a learning-rate warm-up and decay so that accuracy does not drop.",
        "They also cut the schedule to 24 epochs, remove a residual block, and move data augmentation onto the GPU.",
        "The overall message of the post is that careful, patient engineering of the training loop beats simply buying more hardware.",
    ];

    /// <summary>The 94-word summary (passes 100 ± 10) or the 180-word one (fails).</summary>
    private static string Summary(Random random, bool shortOne) =>
        shortOne
            ? string.Join(" ", SummarySentences) + (random.NextDouble() < 0.3 ? "\n\n*(94 words)*" : "")
            : string.Join(" ", LongSummarySentences);

    private const string TeacherForcingRight = """
        With teacher forcing, the decoder is fed the *ground-truth* previous token at every step, starting from the start-of-sequence token. For the target "I see a dog" the decoder inputs are

        `<sos>`, `I`, `see`, `a`, `dog`

        and the targets it is trained to predict are `I`, `see`, `a`, `dog`, `<eos>`.
        """;

    private const string TeacherForcingWrong = """
        With teacher forcing the decoder receives the target sentence itself, so the decoder inputs are

        `I`, `see`, `a`, `dog`, `<eos>`

        and at each step it predicts the next word.
        """;

    private const string AttentionRight = "Without attention the whole source sentence must be squeezed into one fixed-size vector. Attention lets each decoder step look back at all encoder states, which handles source and target sentences of **different lengths** and learns a soft **alignment** between words, including the **reordering** that happens between languages.";
    private const string AttentionWrong = "Attention makes the model more powerful because it adds more parameters and lets the decoder use more information, so translations are usually better and training is faster.";
    private const string ChoiceRight = "The correct choice is **B**: residual connections let gradients flow through the identity path, so very deep networks remain trainable.";
    private const string ChoiceWrong = "The correct choice is **C**: batch normalization is what makes very deep networks trainable.";
    private const string LossRight = "Use `nn.MSELoss` — mean squared error is the standard loss for regression targets.";
    private const string LossWrong = "Use `nn.CrossEntropyLoss`, which is the default loss in PyTorch.";

    private static readonly (string Question, string Answer)[] Concepts =
    [
        ("what is the Frobenius norm of a matrix?", @"The Frobenius norm is the square root of the sum of the squares of all entries: \(\|A\|_F = \sqrt{\sum_{i,j} a_{ij}^2} = \sqrt{\operatorname{tr}(A^\top A)}\). It is the Euclidean norm of the matrix seen as one long vector."),
        ("how do you take the gradient of a trace with respect to a matrix?", "Two identities cover most cases:\n\n$$\n\\nabla_A \\operatorname{tr}(AB) = B^\\top, \\qquad \\nabla_A \\operatorname{tr}(A^\\top C A) = (C + C^\\top) A.\n$$\n\nBoth follow from writing the trace as a double sum and differentiating entry by entry."),
        ("what does an eigendecomposition of a covariance matrix give me?", @"For a symmetric positive semi-definite matrix \(C = XX^\top\) you can write \(C = U \Lambda U^\top\) with orthonormal \(U\) and non-negative diagonal \(\Lambda\). The columns of \(U\) are the principal directions and the entries of \(\Lambda\) the variances along them."),
        ("what is mixed precision training, briefly?", "Mixed precision keeps a master copy of the weights in FP32 but runs most arithmetic in FP16, using loss scaling so small gradients do not underflow. On GPUs with tensor cores this is much faster."),
        ("what is an encoder-decoder model?", "An encoder reads the source sequence into hidden states; a decoder generates the target one token at a time, conditioned on those states and on the tokens produced so far."),
        ("can you remind me what a stationary point is?", @"A point where the gradient vanishes: \(\nabla f(x^\star) = 0\). It can be a minimum, a maximum or a saddle point; second-order conditions tell them apart."),
    ];

    private static readonly string[] Elaborations =
    [
        "For example, with \\(A = \\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}\\) we get \\(\\|A\\|_F^2 = 1 + 4 + 9 + 16 = 30\\), and indeed \\(\\operatorname{tr}(A^\\top A) = 10 + 20 = 30\\). The same identity is what lets you turn a squared reconstruction error into a trace, and traces are convenient because they are linear and invariant under cyclic permutations: \\(\\operatorname{tr}(ABC) = \\operatorname{tr}(CAB) = \\operatorname{tr}(BCA)\\).",
        "A useful way to check a matrix gradient is by dimensions: if \\(f : \\mathbb{R}^{m \\times n} \\to \\mathbb{R}\\), then \\(\\nabla_A f\\) must be \\(m \\times n\\) too. Writing \\(f(A + \\varepsilon H) = f(A) + \\varepsilon \\langle G, H \\rangle + O(\\varepsilon^2)\\) with \\(\\langle G, H \\rangle = \\operatorname{tr}(G^\\top H)\\) identifies the gradient \\(G\\) directly.\n\n$$\n\\frac{d}{d\\varepsilon} \\operatorname{tr}\\big((A + \\varepsilon H)^\\top C (A + \\varepsilon H)\\big)\\Big|_{\\varepsilon = 0} = \\operatorname{tr}\\big(H^\\top (C + C^\\top) A\\big)\n$$",
        "In practice you rarely compute these by hand: automatic differentiation in PyTorch or JAX gives the same result. It is still worth knowing the identities, because they explain *why* the optimum has the structure it has. For the linear autoencoder the structure is exactly the projection onto the leading eigenvectors, i.e. principal component analysis.",
        "| Quantity | Symbol | Shape |\n|---|---|---|\n| data | \\(X\\) | \\(d \\times n\\) |\n| encoder | \\(W_1\\) | \\(k \\times d\\) |\n| decoder | \\(W_2\\) | \\(d \\times k\\) |\n| eigenvectors | \\(U_k\\) | \\(d \\times k\\) |\n\nKeeping the shapes in a table like this makes it easy to see which products are defined.",
        "To summarise the idea in one line: \\(\\min_{\\operatorname{rank}(M) \\le k} \\|X - M\\|_F\\) is attained by the truncated SVD \\(M = U_k \\Sigma_k V_k^\\top\\), which is the Eckart–Young theorem. Everything else is bookkeeping with transposes.\n\n```python\nimport torch\nU, S, Vh = torch.linalg.svd(X, full_matrices=False)\nX_k = U[:, :k] @ torch.diag(S[:k]) @ Vh[:k]\n```",
    ];

    private static readonly string[] FirstNames = ["Alice", "Bob", "Carol", "Dan", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy", "Mallory", "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter", "Yuki", "Zoë", "José", "Chloé"];
    private static readonly string[] LastNames = ["Nguyen", "Smith", "Garcia", "Kim", "Okafor", "Müller", "Rossi", "Chen", "Patel", "Ivanova", "O'Brien", "Silva", "Park", "Cohen", "Dubois"];

    private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];

    private sealed record Message(string Role, string Content, bool Blog, string? Quote);

    private sealed class Chat
    {
        public List<Message> Messages { get; } = [];

        public int Bytes => Messages.Sum(m => m.Content.Length + (m.Blog ? 2_600 : 0) + 60);

        public void User(string content, bool blog = false) => Messages.Add(new Message("user", content, blog, null));

        public void Assistant(string content, string? quote = null) => Messages.Add(new Message("assistant", content, false, quote));
    }
}
