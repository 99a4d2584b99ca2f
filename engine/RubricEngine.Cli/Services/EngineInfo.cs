using System.Reflection;

namespace RubricEngine.Cli.Services;

/// <summary>The engine's version, as recorded in reports.</summary>
internal static class EngineInfo
{
    public static string Version { get; } =
        typeof(RubricEngine.Grading.Grader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
