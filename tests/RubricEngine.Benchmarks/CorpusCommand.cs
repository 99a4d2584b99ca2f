using System.Diagnostics;
using System.Globalization;
using RubricEngine.Tests.Performance;

namespace RubricEngine.Benchmarks;

/// <summary>Writes the synthetic corpus; the blog is read from the repository so attachments are the real source.</summary>
internal static class CorpusCommand
{
    public static int Generate(string folder, int count, int seed)
    {
        var watch = Stopwatch.StartNew();
        var bytes = new Hw7TraceGenerator(File.ReadAllText(Repo.Blog)).WriteCorpus(folder, count, seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {count} traces ({bytes / 1024.0 / 1024.0:0.0} MB, {bytes / Math.Max(1, count) / 1024.0:0.0} KB each) in {folder} in {watch.Elapsed.TotalSeconds:0.0} s (seed {seed})"));
        return 0;
    }
}

/// <summary>Finds the repository (the folder holding RubricEngine.sln) above the working directory or the binary.</summary>
internal static class Repo
{
    public static string Root
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "RubricEngine.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("RubricEngine.sln was not found above the working directory.");
        }
    }

    public static string Hw7 => Path.Combine(Root, "rubrics", "hw7");

    public static string Blog => Path.Combine(Hw7, "sources", "resnet-blog.md");
}
