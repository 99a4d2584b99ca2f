using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using RubricEngine.Rubrics;

namespace RubricEngine.Scripting;

/// <summary>Options of <see cref="RubricScriptLoader"/>.</summary>
internal sealed record RubricLoadOptions
{
    /// <summary>Where compiled rubrics are cached; null: $RUBRIC_CACHE, else $XDG_CACHE_HOME/rubricengine, else ~/.cache/rubricengine.</summary>
    public string? CacheFolder { get; init; }

    /// <summary>False to always compile (and not write the cache).</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Receives one line per notable step: <c>rubric cache hit: &lt;key&gt;</c>, <c>compiling rubric …</c>.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>How long the script's top level (the <c>Rubric(...)</c> call) may run.</summary>
    public TimeSpan BuildTimeLimit { get; init; } = TimeSpan.FromSeconds(10);
}
