using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RubricEngine.Checks;
using RubricEngine.Grading;
using RubricEngine.Reports.IO;
using RubricEngine.Reports.Safety;
using RubricEngine.Rubrics;
using RubricEngine.Traces;

namespace RubricEngine.Reports.Sarif;

/// <summary>
/// Writes a SARIF 2.1.0 log as grades arrive (one run; tool and rules first, a result per finding, invocations last),
/// with <see cref="Utf8JsonWriter"/>. Regions are positions in the trace file itself, as viewers expect: the span
/// inside the message's content is mapped through the JSON string's escapes (or, in a Markdown transcript, to
/// where the content stands verbatim). The message is named by <c>logicalLocations[0].name</c> (<c>messages[3]</c>),
/// and the position inside it is kept as <c>properties.messageRegion</c>; when the content cannot be found in the
/// file the region is that message-level one and <c>properties.regionKind</c> says so. Columns count UTF-16 code
/// units (<c>columnKind</c>).
/// </summary>
public sealed class SarifWriter : IGradeSink
{
    /// <summary>The schema URI written to <c>$schema</c>.</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private const int FlushThreshold = 1 << 16;
    private readonly Utf8JsonWriter _json;
    private readonly SarifOptions _options;
    private Dictionary<string, int> _ruleIndex = new(StringComparer.Ordinal);
    private readonly string _root;
    private bool _begun;

    /// <summary>Writes to <paramref name="stream"/> (left open), UTF-8 without a byte-order mark.</summary>
    public SarifWriter(Stream stream, SarifOptions? options = null)
    {
        _options = options ?? new SarifOptions();
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = _options.Indented });
        _root = SarifUris.Root(_options.BaseDirectory);
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
        j.WriteStartObject("originalUriBaseIds");
        j.WriteStartObject(SarifUris.BaseId);
        j.WriteString("uri", SarifUris.RootUri(_root));
        j.WriteStartObject("description");
        j.WriteString("text", "The folder the trace files were read from.");
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteStartArray("results");
        _begun = true;
    }

    public void Add(TraceGrade grade)
    {
        if (!_begun) throw new InvalidOperationException("Begin must be called before Add.");
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineHashes = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = new TraceFiles(grade, _options.ReadFile);
        foreach (var criterion in grade.Criteria)
            foreach (var finding in criterion.Findings)
                WriteResult(grade, finding, occurrences, lineHashes, files);
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
        var (helpText, helpMarkdown) = Help(rule, context);
        j.WriteStartObject("help");
        j.WriteString("text", Clean(helpText));
        j.WriteString("markdown", Clean(helpMarkdown));
        j.WriteEndObject();
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

    /// <summary>
    /// help.text / help.markdown (GitHub code scanning requires the text): a criterion on a built-in check gets
    /// the check's doc page; any other rule its title and what the rubric says of it.
    /// </summary>
    private static (string Text, string Markdown) Help(RuleDescriptor rule, ReportContext context)
    {
        var criterion = context.Rubric.Criteria.FirstOrDefault(c => c.Rule.Id == rule.Id);
        var check = criterion?.Check.Describe();
        var lead = string.Create(CultureInfo.InvariantCulture, $"{rule.Title} ({rule.Points} points, {rule.Category}).");
        if (criterion is not null) lead += $" Question {criterion.Question.Value}.";
        // Built-in checks describe themselves starting with their rule id ("RE0002 NumbersGrounded: …").
        var builtIn = check is null ? null : BuiltInRules.Find(check.Split(' ', 2)[0]);
        if (builtIn is not null && BuiltInRules.LoadDocPage(builtIn.Id) is { } page)
            return ($"{lead} Check: {check}. {builtIn.Summary} Full rule: rubric explain {builtIn.Id}.",
                $"**{rule.Id}: {rule.Title}** — {lead} Check: `{check}`.\n\n{page}");
        var what = check is null ? "A rule the rubric script defines." : $"Check: {check}.";
        var message = string.IsNullOrWhiteSpace(rule.MessageFormat) ? "" : $" Its finding reads: {rule.MessageFormat}";
        return ($"{lead} {what}{message}", $"**{rule.Id}: {rule.Title}** — {lead} {what}{message}");
    }

    private void WriteResult(TraceGrade grade, Finding finding, Dictionary<string, int> occurrences, Dictionary<string, int> lineHashes, TraceFiles files)
    {
        var j = _json;
        var location = finding.Location;
        var file = string.IsNullOrEmpty(location?.File) ? grade.File : location.File;
        var fileRegion = location is null ? null : files.Region(file, location);
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
        WriteArtifact(file);
        if (fileRegion is { } r) WriteRegion(r);
        else if (location is not null) WriteRegion(MessageRegion(location));
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
        if (location is not null)
        {
            j.WriteNumber("messageIndex", location.MessageIndex);
            j.WriteString("regionKind", fileRegion is null ? "message" : "file");
            if (fileRegion is null)
                j.WriteString("regionNote", $"The message's text was not found in the file as written, so the region counts lines and columns inside message {location.MessageIndex}, not in the file.");
            WriteRegion(MessageRegion(location), "messageRegion");
        }
        if (finding.Question is not null) j.WriteString("question", finding.Question.Value);
        if (finding.Attempt is { } attempt) j.WriteNumber("attempt", attempt);
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndArray();

        j.WriteStartObject("partialFingerprints");
        j.WriteString("rubricFinding/v1", Fingerprint(grade, finding, occurrences));
        j.WriteString("primaryLocationLineHash", LineHash(finding, fileRegion is { } fr ? files.Snippet(file, fr) : null, lineHashes));
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

    private void WriteArtifact(string file)
    {
        var (uri, relative) = SarifUris.ForFile(Clean(file), _root);
        _json.WriteStartObject("artifactLocation");
        _json.WriteString("uri", uri);
        if (relative) _json.WriteString("uriBaseId", SarifUris.BaseId);
        _json.WriteEndObject();
    }

    private static FileRegion MessageRegion(Location location) =>
        new(location.Start.Line, location.Start.Column, location.End.Line, location.End.Column);

    private void WriteRegion(FileRegion region, string name = "region")
    {
        // SARIF lines and columns are ≥ 1 and the end never precedes the start.
        var startLine = Math.Max(1, region.StartLine);
        var startColumn = Math.Max(1, region.StartColumn);
        var endLine = Math.Max(startLine, region.EndLine);
        var endColumn = Math.Max(1, region.EndColumn);
        if (endLine == startLine) endColumn = Math.Max(startColumn, endColumn);
        var j = _json;
        j.WriteStartObject(name);
        j.WriteNumber("startLine", startLine);
        j.WriteNumber("startColumn", startColumn);
        j.WriteNumber("endLine", endLine);
        j.WriteNumber("endColumn", endColumn);
        j.WriteEndObject();
    }

    /// <summary>
    /// GitHub's primaryLocationLineHash: a hash of the rule and the whitespace-normalized text at and around the
    /// finding in the file (the finding's excerpt when the file is unknown), and the occurrence of that hash.
    /// </summary>
    private static string LineHash(Finding finding, string? line, Dictionary<string, int> seen)
    {
        var key = finding.RuleId + "\u001F" + string.Join(' ', (line ?? finding.Excerpt ?? finding.Message).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ReportText.ScrubSurrogates(key))))[..16];
        seen[hash] = seen.TryGetValue(hash, out var n) ? n + 1 : 1;
        return $"{hash}:{seen[hash]}";
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
        WriteArtifact(error.File);
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
