using RubricEngine.Scripting;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Scripting;

/// <summary>A throw-away folder for rubric files and a private rubric cache.</summary>
internal sealed class TempRubricFolder : IDisposable
{
    public TempRubricFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "rubric-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Cache = Path.Combine(Root, ".cache");
    }

    public string Root { get; }

    public string Cache { get; }

    public List<string> Log { get; } = [];

    public string Write(string relativePath, string text)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.ReplaceLineEndings("\n"));
        return full;
    }

    public RubricLoadOptions Options(bool useCache = true) => new()
    {
        CacheFolder = Cache,
        UseCache = useCache,
        Log = line => { lock (Log) Log.Add(line); },
    };

    public LoadedRubric Load(string relativePath, bool useCache = true) =>
        RubricScriptLoader.Load(Path.Combine(Root, relativePath), Options(useCache));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

internal static class TestTraces
{
    /// <summary>A trace: a user prompt, then one assistant message per answer.</summary>
    public static Trace Make(string id, params string[] answers)
    {
        var messages = new List<Message> { new(0, Role.User, "Please answer question 1.", null, [], [], null) };
        foreach (var answer in answers)
            messages.Add(new Message(messages.Count, Role.Assistant, answer, null, [], [], "1"));
        return new Trace(id, "test", new Student(id), "model", [], messages) { File = id + ".json" };
    }
}
