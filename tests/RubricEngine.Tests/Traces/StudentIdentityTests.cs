using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

public sealed class StudentIdentityTests
{
    [Test]
    public void A_file_name_pattern_gives_id_and_name()
    {
        using var temp = new TempFolder();
        var path = temp.Write("s123_Ana_Lopez.json", File.ReadAllText(TraceTestFiles.Fixture("lechat/s3001-lechat.json")));

        var trace = TraceTestFiles.Read(path, new TraceReaderOptions { FileNamePattern = "{id}_{name}.json" }).Traces.Single();

        Assert.That(trace.Student, Is.EqualTo(new Student("s123", "Ana Lopez")));
    }

    [Test]
    public void A_pattern_with_a_wildcard_or_a_folder_matches_the_path()
    {
        using var temp = new TempFolder();
        var dashed = temp.Write("s9-final-export.json", File.ReadAllText(TraceTestFiles.Fixture("lechat/s3001-lechat.json")));
        var foldered = temp.Write("s10/conversations.json", File.ReadAllText(TraceTestFiles.Fixture("claude/conversations.json")));

        var byWildcard = TraceTestFiles.Read(dashed, new TraceReaderOptions { FileNamePattern = "{id}-*.json" }).Traces.Single();
        var byFolder = TraceTestFiles.Read(foldered, new TraceReaderOptions { FileNamePattern = "{id}/conversations.json" }).Traces.Single();

        Assert.That(byWildcard.Student.Id, Is.EqualTo("s9"));
        Assert.That(byFolder.Student.Id, Is.EqualTo("s10"));
    }

    [Test]
    public void A_roster_maps_files_and_trace_ids_to_students()
    {
        using var temp = new TempFolder();
        var chatgpt = temp.Write("eva/conversations.json", File.ReadAllText(TraceTestFiles.Fixture("chatgpt/conversations.json")));
        var roster = StudentRoster.Load(TraceTestFiles.Fixture("roster.csv"));
        var options = new TraceReaderOptions { Roster = roster };

        var fromFile = TraceTestFiles.Read(chatgpt, options).Traces;
        var fromTraceId = TraceTestFiles.Read(TraceTestFiles.Fixture("claude/conversations.json"), options).Traces.Single();

        Assert.That(fromFile.Select(t => t.Student), Is.All.EqualTo(new Student("s5001", "Lopez, Eva", "eva@example.edu")));
        Assert.That(fromTraceId.Student, Is.EqualTo(new Student("s5002", "Kim \"KJ\" Park", "kj@example.edu")));
    }

    [Test]
    public void Without_pattern_or_roster_the_student_is_the_file_name_plus_conversation_index()
    {
        using var temp = new TempFolder();
        var single = temp.Write("s42.json", File.ReadAllText(TraceTestFiles.Fixture("lechat/s3001-lechat.json")));
        var several = temp.Write("s43.json", File.ReadAllText(TraceTestFiles.Fixture("sharegpt/sharegpt.json")));
        var generic = temp.Write("s44/conversations.json", File.ReadAllText(TraceTestFiles.Fixture("claude/conversations.json")));

        var result = new TraceReader().Read([single, several, generic]);

        Assert.That(result.Traces.Select(t => t.Student.Id), Is.EqualTo(new[] { "s42", "s43#1", "s43#2", "s44" }));
    }

    [Test]
    public void A_malformed_roster_names_the_line()
    {
        var unclosed = Assert.Throws<FormatException>(() => StudentRoster.Parse("file,student\n\"a.json,s1\n", "r.csv"));
        var noStudent = Assert.Throws<FormatException>(() => StudentRoster.Parse("file,name\na.json,Ana\n", "r.csv"));

        Assert.That(unclosed!.Message, Is.EqualTo("r.csv(2): a quoted field is not closed"));
        Assert.That(noStudent!.Message, Does.StartWith("r.csv(1): the roster needs a student id column"));
    }

    [Test]
    public void Roster_csv_handles_quotes_crlf_and_embedded_line_breaks()
    {
        var roster = StudentRoster.Parse("\uFEFFTrace ID,Student ID,Name\r\nt1,s1,\"Doe, \"\"JD\"\"\r\nJr.\"\r\nt2,s2,Bo\r\n");

        Assert.That(roster.Entries.Select(e => e.Student), Is.EqualTo(new[] { new Student("s1", "Doe, \"JD\"\r\nJr."), new Student("s2", "Bo") }));
        Assert.That(roster.Find("any.json", "t2"), Is.EqualTo(new Student("s2", "Bo")));
    }

    [Test]
    public void A_pattern_without_id_is_rejected_up_front()
    {
        Assert.Throws<ArgumentException>(() => _ = new TraceReader(new TraceReaderOptions { FileNamePattern = "{name}.json" }));
    }

    [Test]
    public void Roster_files_match_by_trailing_path_and_a_file_listed_twice_matches_no_one()
    {
        var roster = StudentRoster.Parse("file,student\nana/conversations.json,s1\nbo/conversations.json,s2\nshared.json,s3\nshared.json,s4\n");

        Assert.That(roster.Find("submissions/ana/conversations.json", null)?.Id, Is.EqualTo("s1"));
        Assert.That(roster.Find("submissions\\bo\\conversations.json", null)?.Id, Is.EqualTo("s2"));
        Assert.That(roster.Find("submissions/cy/conversations.json", null), Is.Null);
        Assert.That(roster.Find("x/shared.json", null), Is.Null);
    }
}
