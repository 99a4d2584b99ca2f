using System.Security.Cryptography;
using System.Text;
using RubricEngine.Rubrics;

namespace RubricEngine.Scripting;

/// <summary>
/// On-disk cache of compiled rubrics: <c>&lt;folder&gt;/&lt;key&gt;/rubric.dll</c> (debug information embedded)
/// <c>columns.txt</c> (where guards went in) and <c>entry.txt</c> (the entry point's type and method). The key is a SHA-256 over the engine build, every
/// script file (path relative to the rubric and text) and every <c>#r</c> assembly's bytes, so any change
/// invalidates it. Entries are written to a temporary folder and renamed into place: concurrent runs never see a
/// half-written entry.
/// </summary>
internal sealed class RubricCache(string folder)
{
    private const string AssemblyFile = "rubric.dll";
    private const string EntryFile = "entry.txt";
    private const string ColumnsFile = "columns.txt";

    public string Folder { get; } = folder;

    /// <summary>$RUBRIC_CACHE, else $XDG_CACHE_HOME/rubricengine, else ~/.cache/rubricengine.</summary>
    public static string DefaultFolder()
    {
        var explicitFolder = Environment.GetEnvironmentVariable("RUBRIC_CACHE");
        if (!string.IsNullOrWhiteSpace(explicitFolder)) return explicitFolder;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg)) return Path.Combine(xdg, "rubricengine");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "rubricengine");
    }

    public static string ComputeKey(ScriptDirectives directives)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }
        var engine = typeof(RubricGlobals).Assembly;
        Add("rubricengine-cache/1");
        Add(engine.GetName().Version?.ToString() ?? "");
        Add(engine.ManifestModule.ModuleVersionId.ToString()); // any engine rebuild (or compiler update) invalidates
        foreach (var file in directives.Files)
        {
            Add("file");
            Add(file.RelativePath);
            Add(file.Text);
        }
        foreach (var reference in directives.References)
        {
            Add("reference");
            Add(reference.Directive);
            if (reference.FullPath is { } path && File.Exists(path)) hash.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public bool TryRead(string key, out byte[] assembly, out string entryType, out string entryMethod, out ColumnMap columns)
    {
        var entry = Path.Combine(Folder, key);
        assembly = [];
        entryType = entryMethod = "";
        columns = new ColumnMap();
        try
        {
            var lines = File.ReadAllLines(Path.Combine(entry, EntryFile));
            if (lines.Length < 2) return false;
            assembly = File.ReadAllBytes(Path.Combine(entry, AssemblyFile));
            columns = ColumnMap.Parse(File.ReadLines(Path.Combine(entry, ColumnsFile)));
            (entryType, entryMethod) = (lines[0], lines[1]);
            return assembly.Length > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Write(string key, CompiledRubric compiled)
    {
        try
        {
            Directory.CreateDirectory(Folder);
            var target = Path.Combine(Folder, key);
            var temp = Path.Combine(Folder, $".tmp-{key[..12]}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(temp);
            File.WriteAllBytes(Path.Combine(temp, AssemblyFile), compiled.Assembly);
            File.WriteAllLines(Path.Combine(temp, ColumnsFile), compiled.Columns.Serialize());
            File.WriteAllLines(Path.Combine(temp, EntryFile), [compiled.EntryType, compiled.EntryMethod]); // last: marks the entry complete
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true); // a damaged entry
            try
            {
                Directory.Move(temp, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                Directory.Delete(temp, recursive: true); // another run wrote it first: same key, same content
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs the next run a compile.
        }
    }

    public void Remove(string key)
    {
        try
        {
            Directory.Delete(Path.Combine(Folder, key), recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
