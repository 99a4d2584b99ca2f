using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

public sealed class CanonicalTraceFormatTests
{
    [Test]
    public void Reads_every_field_of_a_canonical_trace()
    {
        var path = TraceTestFiles.Fixture("canonical/s1001_ana.json");
        var result = TraceTestFiles.Read(path);

        Assert.That(result.Errors, Is.Empty);
        var trace = result.Traces.Single();
        Assert.That(trace.Id, Is.EqualTo("hw7-s1001"));
        Assert.That(trace.Format, Is.EqualTo(TraceFormats.Canonical));
        Assert.That(trace.File, Is.EqualTo(path));
        Assert.That(trace.Assignment, Is.EqualTo("cs182-hw7"));
        Assert.That(trace.Student, Is.EqualTo(new Student("s1001", "Ana Lopez", "ana@example.edu")));
        Assert.That(trace.Model, Is.EqualTo("gpt-4o"));
        Assert.That(trace.Sources.Single().Title, Is.EqualTo("How to train your ResNet"));
        Assert.That(trace.Messages.Select(m => m.Role), Is.EqualTo(new[] { Role.User, Role.Assistant, Role.User, Role.Assistant }));
        Assert.That(trace.Messages.Select(m => m.Index), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(trace.Messages[0].Content, Does.Contain(@"\|X - W_2 W_1 X\|_F^2"));
        Assert.That(trace.Messages[0].Time, Is.EqualTo(new DateTimeOffset(2026, 3, 2, 21, 14, 5, TimeSpan.Zero)));
        Assert.That(trace.Messages[1].Question, Is.EqualTo("3.b.i"));
        Assert.That(trace.Messages[1].Annotations.Single(), Is.EqualTo(trace.Messages[1].Annotations[0]));
        Assert.That(trace.Messages[1].Annotations[0].Quote, Is.EqualTo("Write the loss as a trace"));
        Assert.That(trace.Messages[1].Annotations[0].Tags, Is.EqualTo(new[] { "verified" }));
        Assert.That(trace.Messages[2].Attachments.Single(), Is.EqualTo(new Attachment("resnet-blog.md", "text/markdown", "341 s on one V100")));
    }

    [Test]
    public void A_bad_line_in_jsonl_is_an_error_for_that_line_only()
    {
        var path = TraceTestFiles.Fixture("canonical/section-b.jsonl");
        var result = TraceTestFiles.Read(path);

        Assert.That(result.Traces.Select(t => t.Id), Is.EqualTo(new[] { "hw7-s2001", "hw7-s2003" }));
        var error = result.Errors.Single();
        Assert.That(error.JsonPath, Is.EqualTo("$.messages[1].role"));
        Assert.That(error.Reason, Is.EqualTo("expected a string but found a number"));
        Assert.That(error.Line, Is.EqualTo(2));
        Assert.That(error.Column, Is.EqualTo(139));
    }

    [Test]
    public void Wrong_type_names_path_line_and_column()
    {
        using var temp = new TempFolder();
        var path = temp.Write("t.json", "{\n  \"format\": \"rubric-trace/1\",\n  \"id\": \"t1\",\n  \"student\": {\"id\": \"s1\"},\n  \"messages\": [\n    {\"role\": \"user\", \"content\": \"hi\"},\n    {\"role\": \"assistant\", \"content\": 42}\n  ]\n}\n");

        var error = TraceTestFiles.Read(path).Errors.Single();

        Assert.That(error.ToString(), Is.EqualTo($"{path}(7,38): error: $.messages[1].content: expected a string but found a number"));
    }

    [Test]
    public void Missing_required_field_points_at_the_object_that_lacks_it()
    {
        using var temp = new TempFolder();
        var path = temp.Write("t.json", "{\"format\": \"rubric-trace/1\", \"id\": \"t1\", \"student\": {\"id\": \"s1\"},\n \"messages\": [\n  {\"content\": \"no role\"}]}");

        var error = TraceTestFiles.Read(path).Errors.Single();

        Assert.That(error.JsonPath, Is.EqualTo("$.messages[0]"));
        Assert.That(error.Reason, Is.EqualTo("required field 'role' is missing"));
        Assert.That((error.Line, error.Column), Is.EqualTo((3, 3)));
    }

    [Test]
    public void Missing_messages_and_unknown_role_are_errors()
    {
        using var temp = new TempFolder();
        var noMessages = temp.Write("a.json", "{\"format\": \"rubric-trace/1\", \"id\": \"a\", \"student\": {\"id\": \"s\"}}");
        var badRole = temp.Write("b.json", "{\"format\": \"rubric-trace/1\", \"id\": \"b\", \"student\": {\"id\": \"s\"}, \"messages\": [{\"role\": \"bot\", \"content\": \"x\"}]}");

        var errors = new TraceReader().Read([noMessages, badRole]).Errors;

        Assert.That(errors[0].Reason, Is.EqualTo("required field 'messages' is missing"));
        Assert.That(errors[0].JsonPath, Is.EqualTo("$"));
        Assert.That(errors[1].Reason, Is.EqualTo("expected one of user, assistant, system, tool but found 'bot'"));
        Assert.That(errors[1].JsonPath, Is.EqualTo("$.messages[0].role"));
    }

    [Test]
    public void Truncated_json_reports_where_it_ends()
    {
        using var temp = new TempFolder();
        var path = temp.Write("t.json", "{\n  \"format\": \"rubric-trace/1\",\n  \"id\": \"t1\",\n  \"messages\": [\n    {\"role\": \"user\", \"content\": \"hi\"}");

        var error = TraceTestFiles.Read(path).Errors.Single();

        Assert.That(error.Reason, Does.Contain("ends before every object and array is closed"));
        Assert.That(error.Line, Is.EqualTo(5));
        Assert.That(error.Column, Is.GreaterThan(1));
    }

    [Test]
    public void Invalid_json_reports_line_and_column()
    {
        using var temp = new TempFolder();
        var path = temp.Write("t.json", "{\n  \"format\": \"rubric-trace/1\"\n  \"id\": \"t1\"\n}");

        var error = TraceTestFiles.Read(path).Errors.Single();

        Assert.That(error.Reason, Does.StartWith("invalid JSON: "));
        Assert.That(error.Reason, Does.Not.Contain("LineNumber"));
        Assert.That((error.Line, error.Column), Is.EqualTo((3, 3)));
    }

    [Test]
    public void Another_format_version_is_refused_by_name()
    {
        using var temp = new TempFolder();
        var path = temp.Write("t.json", "{\"format\": \"rubric-trace/2\", \"id\": \"t\", \"messages\": []}");

        var error = TraceTestFiles.Read(path).Errors.Single();

        Assert.That(error.Reason, Is.EqualTo("unsupported format 'rubric-trace/2': this engine reads rubric-trace/1"));
        Assert.That(error.JsonPath, Is.EqualTo("$.format"));
    }

    [Test]
    public void Student_id_is_required_unless_a_pattern_or_roster_names_the_student()
    {
        using var temp = new TempFolder();
        var path = temp.Write("s77_Lee.json", "{\"format\": \"rubric-trace/1\", \"id\": \"t\", \"student\": {\"name\": \"Kim Lee\"}, \"messages\": []}");

        var without = TraceTestFiles.Read(path);
        var with = TraceTestFiles.Read(path, new TraceReaderOptions { FileNamePattern = "{id}_*.json" });

        Assert.That(without.Errors.Single().Reason, Does.Contain("'student.id' is missing"));
        Assert.That(without.Errors.Single().JsonPath, Is.EqualTo("$.student"));
        Assert.That(with.Traces.Single().Student, Is.EqualTo(new Student("s77", "Kim Lee")));
    }
}
