using System.Text.Json;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

/// <summary>
/// The shipped JSON Schema and the reader agree: sample traces and writer output conform, and a trace the reader
/// rejects for a field rule is rejected by the schema too. Uses a small validator for the keywords the schema uses.
/// </summary>
public sealed class CanonicalSchemaTests
{
    private static readonly Lazy<JsonElement> Schema = new(() =>
        JsonDocument.Parse(File.ReadAllText(TraceTestFiles.RepoFile("engine", "RubricEngine", "Traces", "rubric-trace-1.schema.json"))).RootElement.Clone());

    [Test]
    public void Schema_declares_draft_2020_12()
    {
        Assert.That(Schema.Value.GetProperty("$schema").GetString(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"));
    }

    [Test]
    public void Sample_canonical_traces_conform()
    {
        var sample = JsonDocument.Parse(File.ReadAllText(TraceTestFiles.Fixture("canonical/s1001_ana.json"))).RootElement;
        var lines = File.ReadAllLines(TraceTestFiles.Fixture("canonical/section-b.jsonl")).Where(l => l.Length > 0).ToArray();

        Assert.That(Validate(sample), Is.Empty);
        Assert.That(Validate(JsonDocument.Parse(lines[0]).RootElement), Is.Empty);
        Assert.That(Validate(JsonDocument.Parse(lines[2]).RootElement), Is.Empty);
    }

    [Test]
    public void The_line_the_reader_rejects_breaks_the_schema_at_the_same_path()
    {
        var line = File.ReadAllLines(TraceTestFiles.Fixture("canonical/section-b.jsonl"))[1];
        var readerError = TraceTestFiles.Read(TraceTestFiles.Fixture("canonical/section-b.jsonl")).Errors.Single();

        Assert.That(Validate(JsonDocument.Parse(line).RootElement), Is.EqualTo(new[] { $"{readerError.JsonPath}: enum" }));
    }

    [TestCase("{\"format\":\"rubric-trace/1\",\"id\":\"x\",\"messages\":[{\"content\":\"c\"}]}", "$.messages[0]: required role")]
    [TestCase("{\"format\":\"rubric-trace/1\",\"id\":\"x\",\"messages\":[{\"role\":\"bot\",\"content\":\"c\"}]}", "$.messages[0].role: enum")]
    [TestCase("{\"format\":\"rubric-trace/2\",\"id\":\"x\",\"messages\":[]}", "$.format: const")]
    [TestCase("{\"format\":\"rubric-trace/1\",\"id\":\"x\",\"student\":{\"id\":\"s\"},\"messages\":[{\"role\":\"user\",\"content\":\"c\",\"annotations\":[{\"text\":\"t\",\"tags\":[1]}]}]}", "$.messages[0].annotations[0].tags[0]: type")]
    public void Schema_and_reader_reject_the_same_field_errors(string json, string schemaError)
    {
        using var temp = new TempFolder();
        var path = temp.Write("t.json", json);

        Assert.That(Validate(JsonDocument.Parse(json).RootElement), Does.Contain(schemaError));
        Assert.That(TraceTestFiles.Read(path).Errors, Has.Count.EqualTo(1));
    }

    [TestCase("chatgpt/conversations.json")]
    [TestCase("claude/conversations.json")]
    [TestCase("lechat/s3001-lechat.json")]
    [TestCase("markdown/bold-labels.md")]
    public void Writer_output_conforms(string fixture)
    {
        foreach (var trace in TraceTestFiles.Read(TraceTestFiles.Fixture(fixture)).Traces)
            Assert.That(Validate(JsonDocument.Parse(CanonicalTraceWriter.ToJson(trace)).RootElement), Is.Empty);
    }

    private static List<string> Validate(JsonElement value)
    {
        var errors = new List<string>();
        Validate(value, Schema.Value, "$", errors);
        return errors;
    }

    // Supports what rubric-trace-1.schema.json uses: $ref (#/$defs/..), type, const, enum, required, properties, items, minLength.
    private static void Validate(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/$defs/".Length..];
            Validate(value, Schema.Value.GetProperty("$defs").GetProperty(name), path, errors);
            return;
        }
        if (schema.TryGetProperty("type", out var type))
        {
            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            if (!allowed.Contains(TypeName(value))) { errors.Add($"{path}: type"); return; }
        }
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value)) errors.Add($"{path}: const");
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value))) errors.Add($"{path}: enum");
        if (schema.TryGetProperty("minLength", out var minLength) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length < minLength.GetInt32())
            errors.Add($"{path}: minLength");
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: required {name}");
            if (schema.TryGetProperty("properties", out var properties))
                foreach (var property in properties.EnumerateObject())
                    if (value.TryGetProperty(property.Name, out var child)) Validate(child, property.Value, $"{path}.{property.Name}", errors);
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Validate(item, items, $"{path}[{i++}]", errors);
        }
    }

    private static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
