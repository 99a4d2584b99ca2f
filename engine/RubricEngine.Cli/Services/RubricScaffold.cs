namespace RubricEngine.Cli.Services;

/// <summary>
/// Runs <c>rubric new &lt;dir&gt;</c>: writes a small rubric that works as it stands — one source, one question
/// with two criteria, a fixture that proves both, and a <c>.rubricconfig</c> — for a TA to grow from.
/// </summary>
internal sealed class RubricScaffold(TextWriter output)
{
    public int Create(string directory)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            throw new UserErrorException($"{directory}: error: the folder is not empty; `rubric new` never overwrites files.");
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        Write(directory, $"{name}.rubric.csx", Rubric.Replace("$NAME$", name));
        Write(directory, "sources/source.md", Source);
        Write(directory, "fixtures/example.fixture.json", Fixture);
        Write(directory, ".rubricconfig", Config);
        output.WriteLine($"Created {directory}: {name}.rubric.csx, sources/source.md, fixtures/example.fixture.json, .rubricconfig");
        output.WriteLine($"Next: rubric test {directory}");
        return ExitCodes.Success;
    }

    private static void Write(string directory, string relative, string text)
    {
        var path = Path.Combine(directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
    }

    private const string Rubric = """
        // $NAME$ — a rubric for LLM homework traces. Test it with `rubric test <this folder>`,
        // grade with `rubric grade <this file> <traces> -o grades.xlsx`.
        // Fixtures (fixtures/*.fixture.json) are traces whose text marks where each finding must appear,
        // {|Q1-01:~2 hours|}, and whose "expect" gives the POINTS each criterion must get (not a fraction:
        // Q1-01 is worth 2, so "Q1-01": 1 means half of it).
        Rubric("$NAME$", r =>
        {
            r.Source("sources/source.md");   // numbers in answers must be grounded in this text
            r.Grade(Attempt.First);           // First, Last or Best attempt counts

            r.Question("1", "Summarize the blog post")
             .Criterion("Q1-01", "Numbers grounded in the source", points: 2).NumbersGrounded()
             .Criterion("Q1-02", "At most 60 words", points: 1).WordLimit(60);
        });
        """;

    private const string Source = """
        # Training notes

        Our model reached 91% accuracy after 45 minutes of training on a single GPU.
        """;

    private const string Fixture = """
        {
          "format": "rubric-trace/1",
          "id": "example",
          "$comment": "{|Q1-01:text|} marks where a Q1-01 finding must be; expect gives the points each criterion must get, in points (Q1-01 is worth 2: 1 is half), not fractions.",
          "student": { "id": "s001", "name": "Example Student" },
          "messages": [
            { "role": "user", "content": "Problem 1: summarize the blog post in at most 60 words." },
            { "role": "assistant", "content": "**Problem 1.** The model reached 91% accuracy after {|Q1-01:~2 hours|} of training on one GPU." }
          ],
          "expect": { "Q1-01": 1, "Q1-02": 1 }
        }
        """;

    private const string Config = """
        # Settings that change grading without editing the rubric (EditorConfig syntax).
        # rubric.<RULE-ID>.severity = none | info | warning | error
        # rubric.<RULE-ID>.points = 0.5
        rubric.timeout = 5s
        """;
}
