using System.Text;
using RubricEngine.Traces;

namespace RubricEngine.Tests.Traces;

/// <summary>Fixture paths (found from the repository root, so the test project needs no copy step) and temp folders.</summary>
internal static class TraceTestFiles
{
    private static readonly Lazy<string> FixtureRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "RubricEngine.sln")))
                return Path.Combine(dir.FullName, "tests", "RubricEngine.Tests", "Traces", "Fixtures");
        throw new InvalidOperationException("RubricEngine.sln not found above the test directory");
    });

    public static string Fixture(string relative) => Path.Combine(FixtureRoot.Value, relative);

    public static string RepoFile(params string[] parts) =>
        Path.Combine([Path.GetFullPath(Path.Combine(FixtureRoot.Value, "..", "..", "..", "..")), .. parts]);

    public static TraceReadResult Read(string path, TraceReaderOptions? options = null) => new TraceReader(options).Read([path]);
}

/// <summary>A fresh folder under the system temp path, deleted after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "rubric-traces-" + Guid.NewGuid().ToString("N"));

    public string Write(string relative, string content) => Write(relative, Encoding.UTF8.GetBytes(content));

    public string Write(string relative, byte[] content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
