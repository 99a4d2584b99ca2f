using System.Buffers;
using System.Globalization;
using System.IO.Enumeration;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using RubricEngine.Traces.Formats;
using RubricEngine.Traces.Json;

using RubricEngine.Traces.Notes;

namespace RubricEngine.Traces;

/// <summary>
/// Reads trace files and folders in any supported format (<see cref="TraceFormats"/>) into <see cref="Trace"/>s,
/// detecting the format from the content. Bad input never throws: each file or trace that cannot be read becomes
/// one <see cref="TraceError"/> (file, JSON path, line:column, reason) and the rest are still read.
/// Folders are walked recursively in ordinal path order, so output order does not depend on the file system.
/// </summary>
internal sealed class TraceReader
{
    private static readonly CanonicalTraceFormat Canonical = TraceFormatRegistry.Canonical;

    private readonly TraceReaderOptions _options;
    private readonly FileNamePattern? _pattern;
    private readonly ITraceFormat? _forced;

    /// <exception cref="ArgumentException">The file-name pattern or forced format is invalid.</exception>
    public TraceReader(TraceReaderOptions? options = null)
    {
        _options = options ?? new TraceReaderOptions();
        if (_options.MaxFileBytes <= 0) throw new ArgumentException("MaxFileBytes must be positive.", nameof(options));
        if (_options.MaxJsonDepth <= 0) throw new ArgumentException("MaxJsonDepth must be positive.", nameof(options));
        _pattern = string.IsNullOrWhiteSpace(_options.FileNamePattern) ? null : new FileNamePattern(_options.FileNamePattern);
        if (_options.Format is { } name)
            _forced = TraceFormatRegistry.Find(name)
                ?? throw new ArgumentException($"Unknown trace format '{name}'. Known: {string.Join(", ", TraceFormats.All)}.", nameof(options));
    }

    /// <summary>
    /// Whether valid canonical files take <see cref="CanonicalFastReader"/>; tests turn it off to compare the two paths.
    /// </summary>
    internal bool FastCanonical { get; init; } = true;

    /// <summary>
    /// Reads every trace in the given files and folders, one file after another: <see cref="ListFiles"/> then
    /// <see cref="ReadFile(string, bool)"/> for each, with one <see cref="TraceIdRegistry"/> across them. A bulk run
    /// does the same in parallel (<see cref="Grading.BatchGrader"/>).
    /// </summary>
    public TraceReadResult Read(IEnumerable<string> paths)
    {
        var list = ListFiles(paths);
        var traces = new List<Trace>();
        var errors = new List<TraceError>(list.Errors);
        var skipped = new List<SkippedFile>(list.Skipped);
        var readAs = new List<FileDetection>();
        var warnings = new List<ReadWarning>();
        var ids = new TraceIdRegistry();
        foreach (var file in list.Files)
        {
            var content = ReadFile(file, list.NamedDirectly.Contains(file), ids);
            traces.AddRange(content.Traces);
            errors.AddRange(content.Errors);
            skipped.AddRange(content.Skipped);
            readAs.AddRange(content.ReadAs);
            warnings.AddRange(content.Warnings);
        }
        return new TraceReadResult(traces, errors) { Skipped = skipped, ReadAs = readAs, Warnings = warnings };
    }

    /// <summary>
    /// Lists the trace files under <paramref name="paths"/> without reading them (folders walked recursively, in
    /// ordinal path order), so that a bulk run can read and grade them in parallel (<see cref="ReadFile(string, bool)"/>)
    /// and still keep that order. The one folder walk of the engine.
    /// </summary>
    public TraceFileList ListFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var direct = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<TraceError>();
        var skipped = new List<SkippedFile>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in EnumerateFolder(path))
                {
                    if (NotesFile.IsNotesFile(file)) skipped.Add(FileTriage.Notes(file));
                    else if (_options.Extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)) files.Add(file);
                    else skipped.Add(FileTriage.ByExtension(file));
                }
            }
            else if (File.Exists(path))
            {
                files.Add(path);
                direct.Add(path);
            }
            else
            {
                errors.Add(new TraceError(path, "no such file or folder"));
            }
        }
        return new TraceFileList(files, direct, errors, skipped);
    }

    /// <summary>
    /// Reads one file of a <see cref="TraceFileList"/>. Duplicate ids are checked within the file only: the caller
    /// sees every file and checks across them in order with its own <see cref="TraceIdRegistry"/>.
    /// </summary>
    /// <param name="file">The file.</param>
    /// <param name="namedDirectly">False when a folder walk found it: a README beside the traces is then skipped, not an error.</param>
    public FileReadResult ReadFile(string file, bool namedDirectly = true) => ReadFile(file, namedDirectly, new TraceIdRegistry());

    private FileReadResult ReadFile(string file, bool namedDirectly, TraceIdRegistry ids)
    {
        var traces = new List<Trace>();
        var errors = new List<TraceError>();
        var skipped = new List<SkippedFile>();
        var readAs = new List<FileDetection>();
        var warnings = new List<ReadWarning>();
        foreach (var item in ReadItems(file, namedDirectly, ids))
        {
            if (item.Skipped is { } s) skipped.Add(s);
            else if (item.Detection is { } d) readAs.Add(d);
            else if (item.Warning is { } w) warnings.Add(w);
            else if (item.Result.Trace is { } t) traces.Add(t);
            else errors.Add(item.Result.Error!);
        }
        return new FileReadResult(traces, errors) { Skipped = skipped, ReadAs = readAs, Warnings = warnings };
    }

    /// <summary>One outcome: a trace or error, a skipped file, or which format a file was read as.</summary>
    private readonly record struct Item(TraceOrError Result, SkippedFile? Skipped = null, FileDetection? Detection = null, ReadWarning? Warning = null)
    {
        public bool IsResult => Skipped is null && Detection is null && Warning is null;
    }

    private static IEnumerable<string> EnumerateFolder(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        var files = new FileSystemEnumerable<string>(folder, (ref FileSystemEntry entry) => entry.ToSpecifiedFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory,
            // Linked folders are not entered: a link back up the tree would repeat every trace.
            ShouldRecursePredicate = (ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        }.ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private List<Item> ReadItems(string file, bool namedDirectly, TraceIdRegistry ids)
    {
        var items = new List<Item>();
        try
        {
            ReadFileInto(file, namedDirectly, ids, items);
            AttachNotes(file, items);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            items.Add(Error(new TraceError(file, $"cannot be read: {e.Message}")));
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A reader bug must not cost the TA the other 499 traces; report it against this file.
            items.Add(Error(new TraceError(file, $"could not be read ({e.GetType().Name}: {e.Message})")));
        }
        return items;
    }

    /// <summary>
    /// Attaches the student's notes file (<c>ana.notes.md</c> beside <c>ana.json</c>, see <see cref="NotesFile"/>) to
    /// the traces read from <paramref name="file"/>: each note to the first assistant message quoting it; a note whose
    /// quote is found nowhere is a warning, never dropped in silence.
    /// </summary>
    private void AttachNotes(string file, List<Item> items)
    {
        if (NotesFile.IsNotesFile(file)) return;
        var notesPath = NotesFile.For(file);
        if (!File.Exists(notesPath)) return;
        var info = new FileInfo(notesPath);
        if (info.Length > _options.MaxFileBytes)
        {
            items.Add(new Item(default, Warning: new ReadWarning(notesPath, null, "the notes file is larger than the size limit and was not read")));
            return;
        }
        IReadOnlyList<StudentNote> pending = NotesFile.Parse(File.ReadAllText(notesPath));
        for (var i = 0; i < items.Count && pending.Count > 0; i++)
        {
            if (!items[i].IsResult || items[i].Result.Trace is not { } trace) continue;
            var (annotated, unanchored) = NoteAnchors.Attach(trace, pending);
            items[i] = items[i] with { Result = TraceOrError.Of(annotated) };
            pending = unanchored;
        }
        foreach (var note in pending)
            items.Add(new Item(default, Warning: new ReadWarning(notesPath, note.Line,
                $"the quoted words \"{Shorten(note.Quote)}\" are in no assistant message of {Path.GetFileName(file)}, so this note is attached to none")));
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    /// <summary>Files up to this size are read into a pooled buffer; larger ones (rare) into their own array.</summary>
    private const int PooledReadLimit = 1024 * 1024;

    private void ReadFileInto(string file, bool namedDirectly, TraceIdRegistry ids, List<Item> items)
    {
        // The common case: one open and one read into a pooled buffer, no stat by path and no array per file. Anything
        // unusual (missing, unreadable, empty, large, changing while read) takes the original path below for its error.
        if (TryReadPooled(file) is var (buffer, read))
        {
            try
            {
                ReadContent(file, namedDirectly, ids, items, buffer.AsMemory(0, read));
            }
            finally
            {
                // Safe: every JsonDocument over the buffer is disposed, and drafts and errors hold strings, not bytes.
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return;
        }

        var length = new FileInfo(file).Length;
        if (length > _options.MaxFileBytes)
        {
            items.Add(Error(new TraceError(file, TooLarge(length))));
            return;
        }
        var bytes = File.ReadAllBytes(file);
        if (bytes.LongLength > _options.MaxFileBytes)
        {
            items.Add(Error(new TraceError(file, TooLarge(bytes.LongLength))));
            return;
        }
        ReadContent(file, namedDirectly, ids, items, bytes);
    }

    /// <summary>The whole file's bytes, or null when the original path must read it.</summary>
    private (byte[] Buffer, int Length)? TryReadPooled(string file)
    {
        try
        {
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = RandomAccess.GetLength(handle);
            if (length <= 0 || length > PooledReadLimit || length > _options.MaxFileBytes) return null;
            // One byte spare, so a file that grew since GetLength is noticed and left to the original path.
            var buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
            var read = 0;
            while (read < buffer.Length && RandomAccess.Read(handle, buffer.AsSpan(read), read) is var n and > 0) read += n;
            if (read == length) return (buffer, read);
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // the original path reads it again and reports the error exactly as before
        }
    }

    private void ReadContent(string file, bool namedDirectly, TraceIdRegistry ids, List<Item> items, ReadOnlyMemory<byte> bytes)
    {
        if (CheckEncoding(file, bytes.Span) is { } encodingError)
        {
            items.Add(Error(encodingError));
            return;
        }
        var content = bytes[(HasUtf8Bom(bytes.Span) ? 3 : 0)..];
        var firstByte = FirstNonWhitespace(content.Span);
        if (firstByte < 0)
        {
            items.Add(Error(new TraceError(file, "the file is empty")));
            return;
        }

        var extension = Path.GetExtension(file).ToLowerInvariant();
        var context = new FileContext(file, ids, items);
        // The common case, a valid canonical file, in one pass; anything unusual falls through to the full reader below.
        if (FastCanonical && extension != ".jsonl" && content.Span[firstByte] == (byte)'{' && (_forced is null || _forced == Canonical)
            && CanonicalFastReader.TryRead(content.Span, _options.MaxJsonDepth) is { } draft)
        {
            if (_forced is null) items.Add(new Item(default, Detection: new FileDetection(file, Canonical.Name, "an object with 'format'")));
            items.Add(Finish(context, Canonical, draft, content.Span, lineOffset: 0, index: 0, count: 1));
            return;
        }
        if (extension == ".jsonl")
        {
            ReadJsonLines(context, content);
        }
        else if (extension == ".json" || content.Span[firstByte] is (byte)'{' or (byte)'[')
        {
            if (LooksLikeJsonLines(content.Span)) ReadJsonLines(context, content);
            else ReadJsonDocument(context, content);
        }
        else
        {
            var text = Encoding.UTF8.GetString(content.Span);
            var input = new TraceInput(file, null, text);
            ITraceFormat? format = null;
            string? reason = null;
            foreach (var candidate in _forced is null ? TraceFormatRegistry.Text : [_forced])
                if (!candidate.IsJson && candidate.Detect(input) is { } why) { (format, reason) = (candidate, why); break; }
            if (format is null)
            {
                if (!namedDirectly && _forced is null && FileTriage.Documentation(file) is { } doc)
                    items.Add(new Item(default, doc)); // a README beside the traces
                else
                    items.Add(Error(new TraceError(file, _forced is { IsJson: true }
                        ? $"not a trace in the forced format '{_forced.Name}': the file is not JSON"
                        : new MarkdownTranscriptFormat().WhyNot(text))));
                return;
            }
            items.Add(new Item(default, Detection: new FileDetection(file, format.Name, reason!)));
            AddDrafts(context, format, format.Read(input), content, lineOffset: 0, baseIndex: 0, count: 1);
        }
    }

    /// <summary>Where one file's results go, with the batch-wide id registry.</summary>
    private sealed record FileContext(string File, TraceIdRegistry Ids, List<Item> Items);

    private void ReadJsonDocument(FileContext context, ReadOnlyMemory<byte> content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, DocumentOptions);
        }
        catch (JsonException e)
        {
            context.Items.Add(Error(ParseError(context.File, content.Span, e, lineOffset: 0)));
            return;
        }
        using (document)
        {
            var input = new TraceInput(context.File, document.RootElement, null);
            if (Detect(context, input, content.Span, lineOffset: 0) is not { } format) return;
            var drafts = format.Read(input);
            AddDrafts(context, format, drafts, content, lineOffset: 0, baseIndex: 0, count: drafts.Count);
        }
    }

    /// <summary>One trace per line; a bad line is an error for that line only.</summary>
    private void ReadJsonLines(FileContext context, ReadOnlyMemory<byte> content)
    {
        var lines = new List<(int LineOffset, ReadOnlyMemory<byte> Bytes)>();
        var span = content.Span;
        for (int start = 0, line = 0; start <= span.Length; line++)
        {
            var end = span[start..].IndexOf((byte)'\n');
            var next = end < 0 ? span.Length + 1 : start + end + 1;
            var lineBytes = content[start..(end < 0 ? span.Length : start + end)];
            if (FirstNonWhitespace(lineBytes.Span) >= 0) lines.Add((line, lineBytes));
            start = next;
        }

        var index = 0;
        foreach (var (lineOffset, bytes) in lines)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(bytes, DocumentOptions);
            }
            catch (JsonException e)
            {
                context.Items.Add(Error(ParseError(context.File, bytes.Span, e, lineOffset)));
                index++;
                continue;
            }
            using (document)
            {
                var input = new TraceInput(context.File, document.RootElement, null);
                if (Detect(context, input, bytes.Span, lineOffset) is { } format)
                {
                    var drafts = format.Read(input);
                    AddDrafts(context, format, drafts, bytes, lineOffset, index, lines.Count + drafts.Count - 1);
                    index += drafts.Count;
                    continue;
                }
            }
            index++;
        }
    }

    private ITraceFormat? Detect(FileContext context, TraceInput input, ReadOnlySpan<byte> bytes, int lineOffset)
    {
        if (_forced is not null)
        {
            if (!_forced.IsJson)
            {
                context.Items.Add(Error(new TraceError(context.File, $"not a trace in the forced format '{_forced.Name}': the file is JSON")));
                return null;
            }
            return _forced;
        }
        foreach (var format in TraceFormatRegistry.Json)
        {
            if (format.Detect(input) is not { } why) continue;
            // One line per file and format, not per JSON Lines line.
            if (!context.Items.Any(i => i.Detection is { } d && d.Format == format.Name))
                context.Items.Add(new Item(default, Detection: new FileDetection(context.File, format.Name, why)));
            return format;
        }
        // A companion file of an unzipped export (ChatGPT's user.json, Claude's users.json): listed, not an error.
        if (FileTriage.CompanionFile(context.File) is { } companion)
        {
            if (!context.Items.Any(i => i.Skipped is not null)) context.Items.Add(new Item(default, companion));
            return null;
        }
        var root = input.Json!.Value;
        var reason = root.ValueKind == JsonValueKind.Array && root.GetArrayLength() == 0
            ? "the export holds no conversations (empty array)"
            : $"not a recognised trace format: {JsonCursor.KindName(root.ValueKind)} without {TraceFormatRegistry.JsonLooksFor}";
        var (line, column) = TextPosition.FromOffset(bytes, 0);
        context.Items.Add(Error(new TraceError(context.File, reason, "$", line + lineOffset, column)));
        return null;
    }

    private void AddDrafts(FileContext context, ITraceFormat format, IReadOnlyList<DraftOrError> drafts, ReadOnlyMemory<byte> bytes,
        int lineOffset, int baseIndex, int count)
    {
        for (var i = 0; i < drafts.Count; i++)
        {
            var (draft, error) = drafts[i];
            context.Items.Add(draft is null
                ? Error(Locate(context.File, bytes.Span, lineOffset, error!.Path, error.Message, error.Line))
                : Finish(context, format, draft, bytes.Span, lineOffset, baseIndex + i, count));
        }
    }

    private Item Finish(FileContext context, ITraceFormat format, TraceDraft draft, ReadOnlySpan<byte> bytes, int lineOffset, int index, int count)
    {
        var file = context.File;
        var suffix = count > 1 ? "#" + (index + 1).ToString(CultureInfo.InvariantCulture) : "";
        var id = string.IsNullOrWhiteSpace(draft.Id) ? FallbackTraceId(file) + suffix : draft.Id;

        Student? student = draft.Student is { Id.Length: > 0 } own ? own : null;
        student ??= Merge(_options.Roster?.Find(file, id), draft.Student);
        student ??= Merge(_pattern?.Match(file), draft.Student);
        if (student is null)
        {
            if (format == Canonical)
                return Error(Locate(file, bytes, lineOffset, draft.StudentPath,
                    "required field 'student.id' is missing, and no roster entry or file-name pattern names the student"));
            student = Merge(new Student(FallbackStudentId(file) + suffix), draft.Student)!;
        }

        if (context.Ids.Claim(id, file) is { } duplicate) return Error(Locate(file, bytes, lineOffset, draft.IdPath, duplicate));

        var trace = new Trace(id, draft.Assignment ?? _options.Assignment, student, draft.Model, draft.Sources, draft.Messages)
        {
            File = file,
            Format = format.Name,
        };
        return new Item(TraceOrError.Of(trace));
    }

    /// <summary>The found student, keeping a name or email the trace itself gave when the finder has none.</summary>
    private static Student? Merge(Student? found, Student? own) =>
        found is null ? null : found with { Name = found.Name ?? own?.Name, Email = found.Email ?? own?.Email };

    /// <summary>The path as given without extension: unique per file, so conversations without ids never collide.</summary>
    private static string FallbackTraceId(string file)
    {
        var path = file.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
        var extension = Path.GetExtension(path);
        return extension.Length > 0 ? path[..^extension.Length] : path;
    }

    /// <summary>The file name without extension; for an exporter's default name (conversations.json), its folder's name.</summary>
    private static string FallbackStudentId(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        if (ExportFileNames.IsGeneric(stem) && Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file))) is { Length: > 0 } folder)
            return folder;
        return stem;
    }

    private JsonDocumentOptions DocumentOptions => new()
    {
        MaxDepth = _options.MaxJsonDepth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private TraceError Locate(string file, ReadOnlySpan<byte> bytes, int lineOffset, JsonPath? path, string reason, int? textLine = null)
    {
        if (path is null) return new TraceError(file, reason, null, textLine, textLine is null ? null : 1);
        var offset = JsonLocator.Locate(bytes, path, _options.MaxJsonDepth);
        if (offset is null) return new TraceError(file, reason, path.ToString());
        var (line, column) = TextPosition.FromOffset(bytes, offset.Value);
        return new TraceError(file, reason, path.ToString(), line + lineOffset, column);
    }

    private TraceError ParseError(string file, ReadOnlySpan<byte> bytes, JsonException e, int lineOffset)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal) is var p and >= 0 ? p : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            message = $"the JSON is nested deeper than the limit of {_options.MaxJsonDepth} levels";
        else if (message.Contains("Expected depth to be zero", StringComparison.Ordinal) || message.Contains("end of data", StringComparison.OrdinalIgnoreCase))
            message = "the JSON ends before every object and array is closed (is the file truncated?)";
        else
            message = "invalid JSON: " + message.TrimEnd('.');

        if (e.LineNumber is not { } lineNumber) return new TraceError(file, message);
        var offset = TextPosition.OffsetOf(bytes, lineNumber, e.BytePositionInLine ?? 0);
        var (line, column) = TextPosition.FromOffset(bytes, offset);
        return new TraceError(file, message, null, line + lineOffset, column);
    }

    private string TooLarge(long length) =>
        $"the file is {Size(length)}, over the limit of {Size(_options.MaxFileBytes)}; raise the limit (rubric grade --max-file-size, TraceReaderOptions.MaxFileBytes) if it is genuine";

    private static string Size(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB ({bytes:N0} bytes)");

    private static TraceError? CheckEncoding(string file, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            return new TraceError(file, "the file is UTF-16 encoded; save it as UTF-8", null, 1, 1);
        if (Utf8.IsValid(bytes)) return null;
        var offset = InvalidUtf8Offset(bytes);
        var (line, column) = TextPosition.FromOffset(bytes, offset);
        return new TraceError(file, string.Create(CultureInfo.InvariantCulture,
            $"invalid UTF-8 at byte offset {offset} (byte 0x{bytes[offset]:X2}); save the file as UTF-8"), null, line, column);
    }

    private static int InvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        Span<char> scratch = stackalloc char[4096];
        var consumed = 0;
        while (consumed < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[consumed..], scratch, out var read, out _, replaceInvalidSequences: false);
            consumed += read;
            if (status is System.Buffers.OperationStatus.InvalidData or System.Buffers.OperationStatus.NeedMoreData) return consumed;
            if (status == System.Buffers.OperationStatus.Done) break;
        }
        return Math.Min(consumed, bytes.Length - 1);
    }

    private static bool HasUtf8Bom(ReadOnlySpan<byte> bytes) => bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;

    private static int FirstNonWhitespace(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExcept(" \t\r\n"u8);

    /// <summary>
    /// A <c>.json</c> file that is really JSON Lines: several lines, each a whole object. Checked cheaply: the
    /// first line must parse alone and another non-blank line must follow.
    /// </summary>
    private bool LooksLikeJsonLines(ReadOnlySpan<byte> content)
    {
        var start = FirstNonWhitespace(content);
        var newline = content[start..].IndexOf((byte)'\n');
        if (newline < 0 || content[start] != (byte)'{') return false;
        var first = content.Slice(start, newline);
        if (FirstNonWhitespace(content[(start + newline)..]) < 0) return false;
        var options = new JsonReaderOptions { MaxDepth = _options.MaxJsonDepth, CommentHandling = JsonCommentHandling.Skip };
        // A pretty-printed document's first line ("{") holds no whole value: say so without the reader throwing, which
        // cost every ordinary .json file an exception. TrySkip on a partial block returns false where Skip would throw.
        var partial = new Utf8JsonReader(first, isFinalBlock: false, new JsonReaderState(options));
        try
        {
            if (partial.Read() && !partial.TrySkip()) return false;
        }
        catch (JsonException)
        {
            return false;
        }
        var reader = new Utf8JsonReader(first, options);
        try
        {
            // The first line must hold one whole value and nothing after it.
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Item Error(TraceError error) => new(TraceOrError.Of(error));
}
