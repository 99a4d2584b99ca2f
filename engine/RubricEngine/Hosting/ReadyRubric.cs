using RubricEngine.Configuration;
using RubricEngine.Grading;
using RubricEngine.Rubrics;
using RubricEngine.Scripting;

namespace RubricEngine.Hosting;

/// <summary>A rubric ready to grade with: its definition after <c>.rubricconfig</c>, its identity and its rule runner.</summary>
internal sealed class ReadyRubric : IDisposable
{
    private readonly GuardedRuleRunner _runner;

    private ReadyRubric(LoadedRubric loaded, RubricDefinition definition, GuardedRuleRunner runner, IReadOnlyList<string> warnings)
    {
        Loaded = loaded;
        Definition = definition;
        _runner = runner;
        Warnings = warnings;
    }

    /// <summary>
    /// Loads the rubric script at <paramref name="path"/> (compiled once and cached), applies the
    /// <c>.rubricconfig</c> beside it, and builds the rule runner with the time limit: <paramref name="timeoutSeconds"/>
    /// when given, else the configuration's, else the runner's default.
    /// </summary>
    /// <exception cref="RubricScriptException">The script does not compile or does not build a rubric.</exception>
    /// <exception cref="RubricConfigException">The <c>.rubricconfig</c> is invalid.</exception>
    public static ReadyRubric Load(string path, RubricLoadOptions? options = null, double? timeoutSeconds = null)
    {
        var loaded = RubricScriptLoader.Load(path, options ?? new RubricLoadOptions());
        try
        {
            var config = RubricConfig.LoadFor(path);
            var definition = config.Apply(loaded.Definition, out var configWarnings);
            var timeout = timeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : config.Timeout;
            var warnings = loaded.Warnings.Select(w => w.ToString()).Concat(configWarnings).ToList();
            return new ReadyRubric(loaded, definition, loaded.CreateRunner(timeout), warnings);
        }
        catch
        {
            loaded.Dispose();
            throw;
        }
    }

    public string Path => Loaded.Path;

    public RubricDefinition Definition { get; }

    public string Sha256 => Loaded.Sha256;

    public IRuleRunner Runner => _runner;

    public LoadedRubric Loaded { get; }

    /// <summary>Configuration and compiler warnings, compiler-style.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public void Dispose()
    {
        _runner.Dispose();
        Loaded.Dispose();
    }
}
