using System.Diagnostics;

namespace RubricEngine.Tests.Reliability;

/// <summary>
/// Starts the real <c>rubric</c> command as its own process (<c>dotnet rubric.dll …</c>), for tests that kill it or
/// race several of them; rubrics compile into <see cref="CliRun.CacheFolder"/>.
/// </summary>
internal static class RubricProcess
{
    private static string RubricDll => Path.Combine(TestContext.CurrentContext.TestDirectory, "rubric.dll");

    /// <summary>Starts <c>rubric</c> with <paramref name="args"/>; standard output and error are redirected for the caller to read.</summary>
    public static Process Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RubricDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["RUBRIC_CACHE"] = CliRun.CacheFolder;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) info.Environment[k] = v;
        return Process.Start(info)!;
    }

    /// <summary>Starts <c>rubric</c> and drains its output unread (a victim to kill).</summary>
    public static Process StartQuiet(params string[] args)
    {
        var process = Start(null, args);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
