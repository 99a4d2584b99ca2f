namespace RubricEngine.Traces;

/// <summary>
/// Says why a file in a traces folder is not read as a trace. Unzipped exports hand in more than conversations:
/// ChatGPT's <c>user.json</c>, <c>message_feedback.json</c>, <c>chat.html</c>; Claude's <c>users.json</c> and
/// <c>projects.json</c>; Google Takeout's <c>archive_browser.html</c>; attached images. These are listed as skipped,
/// not errors, so a student who hands in the whole folder does not fail the run; a PDF or saved page that may be the
/// student's trace is listed as skipped <em>and</em> flagged.
/// </summary>
internal static class FileTriage
{
    // Companion files by name, with the export they come from (documented in Traces/README.md).
    private static readonly Dictionary<string, string> Companions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["user.json"] = "ChatGPT",
        ["message_feedback.json"] = "ChatGPT",
        ["model_comparisons.json"] = "ChatGPT",
        ["shared_conversations.json"] = "ChatGPT",
        ["chat.html"] = "ChatGPT",
        ["users.json"] = "Claude",
        ["projects.json"] = "Claude",
        ["memories.json"] = "Claude",
        ["archive_browser.html"] = "Google Takeout",
        ["prod-mc-auth-mgmt-api.json"] = "Grok",
        ["prod-mc-billing.json"] = "Grok",
        ["MyActivity.html"] = "Google Takeout (the HTML copy of MyActivity.json)",
    };

    private static readonly HashSet<string> Media = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".svg", ".heic", ".tif", ".tiff", ".ico",
        ".wav", ".mp3", ".m4a", ".ogg", ".webm", ".mp4", ".mov", ".avi",
    };

    private static readonly HashSet<string> NotTraces = new(StringComparer.OrdinalIgnoreCase)
    {
        ".py", ".ipynb", ".js", ".ts", ".c", ".cpp", ".h", ".java", ".cs", ".r", ".m", ".tex", ".bib", ".sty",
        ".xlsx", ".xls", ".csv", ".tsv", ".ttf", ".otf", ".woff", ".woff2", ".css", ".sarif", ".csx", ".rubricconfig",
    };

    private static readonly HashSet<string> SystemFiles = new(StringComparer.OrdinalIgnoreCase) { ".DS_Store", "Thumbs.db", "desktop.ini" };

    /// <summary>Why a file whose extension is not read is skipped.</summary>
    public static SkippedFile ByExtension(string file)
    {
        var name = Path.GetFileName(file);
        var extension = Path.GetExtension(file);
        if (CompanionFile(file) is { } companion) return companion;
        if (SystemFiles.Contains(name) || name.StartsWith("._", StringComparison.Ordinal))
            return new SkippedFile(file, "not a trace: a file the operating system keeps") { Kind = "system file", Kinds = "system files" };
        if (Media.Contains(extension))
            return new SkippedFile(file, "not a trace: an image, audio or video file (attachments are not graded)") { Kind = "image or media file", Kinds = "images and media files" };
        if (NotTraces.Contains(extension))
            return new SkippedFile(file, $"not a trace: a {extension.TrimStart('.')} file") { Kind = "code or data file", Kinds = "code and data files" };
        var kind = extension.ToLowerInvariant() switch
        {
            ".html" or ".htm" or ".mhtml" => "a saved web page",
            ".pdf" => "a PDF",
            ".docx" or ".doc" or ".odt" or ".rtf" or ".pages" => "a word-processor document",
            ".zip" or ".tar" or ".gz" or ".tgz" or ".7z" or ".rar" => "an archive; unzip it so its files are read",
            "" => "a file without extension",
            _ => $"a {extension.TrimStart('.')} file",
        };
        return new SkippedFile(file,
            $"might be a trace but is {kind}, which is not read; export the conversation as JSON or Markdown",
            MightBeTrace: true);
    }

    /// <summary>A student's notes file: read with its trace (<c>ana.notes.md</c> with <c>ana.json</c>), not as a trace of its own.</summary>
    public static SkippedFile Notes(string file)
    {
        var stem = Path.GetFileName(file)[..^RubricEngine.Traces.Notes.NotesFile.Suffix.Length];
        var folder = Path.GetDirectoryName(file) ?? "";
        var hasTrace = Directory.Exists(folder) && Directory.EnumerateFiles(folder, stem + ".*")
            .Any(f => !RubricEngine.Traces.Notes.NotesFile.IsNotesFile(f));
        return hasTrace
            ? new SkippedFile(file, $"the student's notes, read with the trace '{stem}'") { Kind = "notes file read with its trace", Kinds = "notes files read with their traces" }
            : new SkippedFile(file, $"the student's notes, but no trace named '{stem}.*' is beside them, so they are attached to nothing", MightBeTrace: true);
    }

    /// <summary>The file as a known export's companion file, or null.</summary>
    public static SkippedFile? CompanionFile(string file) =>
        Companions.TryGetValue(Path.GetFileName(file), out var export)
            ? new SkippedFile(file, $"not a trace: companion file of a {export} export") { Kind = $"companion file of a {export} export", Kinds = $"companion files of a {export} export" }
            : null;

    /// <summary>README, LICENSE and the like beside the traces, without role headings: documentation, not a transcript.</summary>
    public static SkippedFile? Documentation(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        return stem.Equals("README", StringComparison.OrdinalIgnoreCase) || stem.Equals("LICENSE", StringComparison.OrdinalIgnoreCase)
            || stem.Equals("CHANGELOG", StringComparison.OrdinalIgnoreCase)
            ? new SkippedFile(file, "not a trace: a README or LICENSE file without role headings") { Kind = "README file", Kinds = "README files" }
            : null;
    }
}
