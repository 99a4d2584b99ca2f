using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RubricEngine.Grading;
using RubricEngine.Reports.IO;
using RubricEngine.Reports.Safety;
using RubricEngine.Rubrics;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Sarif;

/// <summary>
/// Writes a SARIF 2.1.0 log as grades arrive (one run; tool and rules first, a result per finding, invocations last),
/// with <see cref="Utf8JsonWriter"/>. Regions are in the content of the message a finding points into, not in the
/// trace file: the message is named by <c>logicalLocations[0].name</c> (<c>messages[3]</c>) and
/// <c>properties.messageIndex</c>. Columns count UTF-16 code units (<c>columnKind</c>).
/// </summary>
public sealed class SarifWriter : IGradeSink
{
    /// <summary>The schema URI written to <c>$schema</c>.</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private const int FlushThreshold = 1 << 16;
    private readonly Utf8JsonWriter _json;
    private readonly SarifOptions _options;
    private Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);
    private bool _begun;

    /// <summary>Writes to <paramref name="stream"/> (left open), UTF-8 without a byte-order mark.</summary>
    public SarifWriter(Stream stream, SarifOptions? options = null)
    {
        _options = options ?? new SarifOptions();
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = _options.Indented });
    }

    /// <summary>A SARIF file written atomically: it appears only after <see cref="IGradeSink.Complete"/>.</summary>
    public static FileGradeSink<SarifWriter> ToFile(string path, SarifOptions? options = null, OutputPolicy? policy = null) =>
        new(path, stream => new SarifWriter(stream, options), policy);

    /// <summary>SARIF's level for a severity: error, warning, note, none.</summary>
    public static string LevelOf(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => "none",
    };

    public void Begin(ReportContext context)
    {
        var j = _json;
        j.WriteStartObject();
        j.WriteString("$schema", SchemaUri);
        j.WriteString("version", "2.1.0");
        j.WriteStartArray("runs");
        j.WriteStartObject();

        j.WriteStartObject("tool");
        j.WriteStartObject("driver");
        j.WriteString("name", "RubricEngine");
        j.WriteString("version", context.EngineVersion);
        if (_options.InformationUri is { } info && Uri.IsWellFormedUriString(info, UriKind.Absolute)) j.WriteString("informationUri", info);
        j.WriteStartArray("rules");
        _ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in context.Rules)
        {
            _ruleIndex[rule.Id] = _ruleIndex.Count;
            WriteRule(rule, context);
        }
        j.WriteEndArray();
        j.WriteEndObject();
        j.WriteEndObject();

        j.WriteString("columnKind", "utf16CodeUnits");
        j.WriteStartArray("results");
        _begun = true;
    }

    public void Add(TraceGrade grade)
    {
        if (!_begun) throw new InvalidOperationException("Begin must be called before Add.");
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var criterion in grade.Criteria)
            foreach (var finding in criterion.Findings)
                WriteResult(grade, finding, occurrences);
        if (_json.BytesPending > FlushThreshold) _json.Flush();
    }

    public void Complete(RunInfo run)
    {
        var j = _json;
        j.WriteEndArray(); // results

        j.WriteStartArray("invocations");
        j.WriteStartObject();
        j.WriteBoolean("executionSuccessful", run.Errors.Count == 0);
        j.WriteString("startTimeUtc", Utc(run.Started));
        j.WriteString("endTimeUtc", Utc(run.Finished));
        j.WriteStartArray("toolExecutionNotifications");
        foreach (var error in run.Errors) WriteNotification(error);
        // Files not read as traces are listed too, so nothing in the input is passed over in silence.
        foreach (var skipped in run.Skipped)
            WriteNotification(new TraceError(skipped.File, "skipped: " + skipped.Reason), skipped.MightBeTrace ? "warning" : "note");
        j.WriteEndArray();
        j.WriteStartObject("properties");
        j.WriteNumber("tracesGraded", run.TracesGraded);
        j.WriteNumber("traceErrors", run.Errors.Count);
        j.WriteNumber("filesSkipped", run.Skipped.Count);
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndArray();

        j.WriteStartObject("properties");
        j.WriteString("rubricTitle", Clean(run.RubricTitle));
        j.WriteString("rubricPath", Clean(run.RubricPath.Replace('\\', '/')));
        j.WriteString("rubricSha256", run.RubricSha256);
        j.WriteEndObject();

        j.WriteEndObject(); // run
        j.WriteEndArray(); // runs
        j.WriteEndObject();
        j.Flush();
    }

    public void Dispose() => _json.Dispose();

    private void WriteRule(RuleDescriptor rule, ReportContext context)
    {
        var j = _json;
        context.QuestionOf.TryGetValue(rule.Id, out var question);
        j.WriteStartObject();
        j.WriteString("id", rule.Id);
        j.WriteString("name", Clean(rule.Title));
        j.WriteStartObject("shortDescription");
        j.WriteString("text", Clean(rule.Title));
        j.WriteEndObject();
        if (question is not null)
        {
            var title = context.Rubric.Questions.FirstOrDefault(q => q.Path == question)?.Title;
            j.WriteStartObject("fullDescription");
            j.WriteString("text", Clean(string.Create(CultureInfo.InvariantCulture,
                $"{rule.Title}: criterion of question {question}{(title is null ? "" : $" ({title})")}, worth {rule.Points} points.")));
            j.WriteEndObject();
        }
        if (rule.HelpLink is { } help && Uri.IsWellFormedUriString(help, UriKind.Absolute)) j.WriteString("helpUri", help);
        j.WriteStartObject("defaultConfiguration");
        j.WriteString("level", LevelOf(rule.Severity));
        j.WriteEndObject();
        j.WriteStartObject("properties");
        j.WriteNumber("points", rule.Points);
        j.WriteString("category", Clean(rule.Category));
        if (question is not null) j.WriteString("question", question.Value);
        j.WriteEndObject();
        j.WriteEndObject();
    }

    private void WriteResult(TraceGrade grade, Finding finding, Dictionary<string, int> occurrences)
    {
        var j = _json;
        var location = finding.Location;
        j.WriteStartObject();
        j.WriteString("ruleId", finding.RuleId);
        if (_ruleIndex.TryGetValue(finding.RuleId, out var index)) j.WriteNumber("ruleIndex", index);
        j.WriteString("level", LevelOf(finding.Severity));
        j.WriteStartObject("message");
        j.WriteString("text", Clean(string.IsNullOrWhiteSpace(finding.Message) ? finding.RuleId : finding.Message));
        j.WriteEndObject();

        j.WriteStartArray("locations");
        j.WriteStartObject();
        j.WriteStartObject("physicalLocation");
        j.WriteStartObject("artifactLocation");
        j.WriteString("uri", SarifUris.ForFile(Clean(string.IsNullOrEmpty(location?.File) ? grade.File : location.File), _options.BaseDirectory));
        j.WriteEndObject();
        if (location is not null) WriteRegion(location);
        j.WriteEndObject();
        if (location is not null)
        {
            j.WriteStartArray("logicalLocations");
            j.WriteStartObject();
            j.WriteString("name", $"messages[{location.MessageIndex}]");
            j.WriteString("kind", "element");
            j.WriteEndObject();
            j.WriteEndArray();
        }
        j.WriteStartObject("properties");
        if (location is not null) j.WriteNumber("messageIndex", location.MessageIndex);
        if (finding.Question is not null) j.WriteString("question", finding.Question.Value);
        if (finding.Attempt is { } attempt) j.WriteNumber("attempt", attempt);
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndArray();

        j.WriteStartObject("partialFingerprints");
        j.WriteString("rubricFinding/v1", Fingerprint(grade, finding, occurrences));
        j.WriteEndObject();

        if (finding.Suppression is { } justification)
        {
            j.WriteStartArray("suppressions");
            j.WriteStartObject();
            j.WriteString("kind", "external");
            j.WriteString("justification", Clean(justification));
            j.WriteEndObject();
            j.WriteEndArray();
        }

        j.WriteStartObject("properties");
        j.WriteString("traceId", Clean(grade.TraceId));
        j.WriteString("studentId", Clean(grade.Student.Id));
        j.WriteNumber("pointsLost", finding.PointsLost);
        j.WriteBoolean("gradedAttempt", finding.IsGradedAttempt);
        if (finding.Excerpt is { } excerpt) j.WriteString("excerpt", Clean(excerpt));
        j.WriteEndObject();
        j.WriteEndObject();
    }

    private void WriteRegion(Location location)
    {
        // SARIF lines and columns are ≥ 1 and the end never precedes the start.
        var startLine = Math.Max(1, location.Start.Line);
        var startColumn = Math.Max(1, location.Start.Column);
        var endLine = Math.Max(startLine, location.End.Line);
        var endColumn = Math.Max(1, location.End.Column);
        if (endLine == startLine) endColumn = Math.Max(startColumn, endColumn);
        var j = _json;
        j.WriteStartObject("region");
        j.WriteNumber("startLine", startLine);
        j.WriteNumber("startColumn", startColumn);
        j.WriteNumber("endLine", endLine);
        j.WriteNumber("endColumn", endColumn);
        j.WriteEndObject();
    }

    private void WriteNotification(TraceError error, string level = "error")
    {
        var j = _json;
        j.WriteStartObject();
        j.WriteString("level", level);
        j.WriteStartObject("message");
        j.WriteString("text", Clean(string.IsNullOrEmpty(error.JsonPath) ? error.Reason : $"{error.JsonPath}: {error.Reason}"));
        j.WriteEndObject();
        j.WriteStartArray("locations");
        j.WriteStartObject();
        j.WriteStartObject("physicalLocation");
        j.WriteStartObject("artifactLocation");
        j.WriteString("uri", SarifUris.ForFile(Clean(error.File), _options.BaseDirectory));
        j.WriteEndObject();
        if (error.Line is { } line)
        {
            j.WriteStartObject("region");
            j.WriteNumber("startLine", Math.Max(1, line));
            j.WriteNumber("startColumn", Math.Max(1, error.Column ?? 1));
            j.WriteEndObject();
        }
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndArray();
        j.WriteEndObject();
    }

    /// <summary>
    /// A stable id for the finding across runs: trace, rule, question, attempt, message index and the finding's
    /// message and excerpt — not offsets, so edits elsewhere in the trace keep it — plus an occurrence count for
    /// identical findings in one trace.
    /// </summary>
    private static string Fingerprint(TraceGrade grade, Finding f, Dictionary<string, int> occurrences)
    {
        var key = string.Join('\u001F', grade.TraceId, f.RuleId, f.Question?.Value ?? "", f.Attempt?.ToString(CultureInfo.InvariantCulture) ?? "",
            f.Location?.MessageIndex.ToString(CultureInfo.InvariantCulture) ?? "", f.Message, f.Excerpt ?? "");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ReportText.ScrubSurrogates(key))))[..32];
        occurrences[hash] = occurrences.TryGetValue(hash, out var n) ? n + 1 : 1;
        return $"{hash}:{occurrences[hash]}";
    }

    private static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Clean(string? text) => ReportText.ScrubSurrogates(text);
}
