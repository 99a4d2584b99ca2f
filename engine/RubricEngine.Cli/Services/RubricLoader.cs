using RubricEngine.Configuration;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Scripting;

namespace RubricEngine.Cli.Services;

/// <summary>A rubric ready to grade with: its definition after <c>.rubricconfig</c>, its identity and its rule runner.</summary>
public sealed class ReadyRubric(LoadedRubric loaded, RubricDefinition definition, GuardedRuleRunner runner, IReadOnlyList<string> warnings) : IDisposable
{
    public string Path => loaded.Path;

    public RubricDefinition Definition { get; } = definition;

    public string Sha256 => loaded.Sha256;

    public IRuleRunner Runner => runner;

    public LoadedRubric Loaded => loaded;

    /// <summary>Configuration and compiler warnings, compiler-style.</summary>
    public IReadOnlyList<string> Warnings { get; } = warnings;

    public void Dispose()
    {
        runner.Dispose();
        loaded.Dispose();
    }
}

/// <summary>
/// Loads a rubric script (compiled once and cached on disk), applies its <c>.rubricconfig</c>, and turns every
/// rubric problem into a compiler-style message with exit code 2.
/// </summary>
public sealed class RubricLoader(TextWriter log, string? cacheFolder = null)
{
    public ReadyRubric Load(string path, double? timeoutSeconds = null)
    {
        if (!File.Exists(path)) throw new UserErrorException($"{path}: error: the rubric file was not found.");
        LoadedRubric? loaded = null;
        try
        {
            loaded = RubricScriptLoader.Load(path, new RubricLoadOptions { Log = log.WriteLine, CacheFolder = cacheFolder });
            var config = RubricConfig.LoadFor(path);
            var definition = config.Apply(loaded.Definition, out var configWarnings);
            var timeout = timeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : config.Timeout;
            var warnings = loaded.Warnings.Select(w => w.ToString()).Concat(configWarnings).ToList();
            foreach (var w in warnings) log.WriteLine(w);
            return new ReadyRubric(loaded, definition, loaded.CreateRunner(timeout), warnings);
        }
        catch (RubricScriptException e)
        {
            loaded?.Dispose();
            throw new UserErrorException(e.Message);
        }
        catch (RubricConfigException e)
        {
            loaded?.Dispose();
            throw new UserErrorException(e.Message);
        }
    }
}
