using RubricEngine.Configuration;
using RubricEngine.Hosting;
using RubricEngine.Scripting;

namespace RubricEngine.Cli.Services;

/// <summary>
/// Loads a rubric for a verb (<see cref="ReadyRubric.Load"/>: compiled once and cached, <c>.rubricconfig</c>
/// applied), prints its warnings, and turns every rubric problem into a compiler-style message with exit code 2.
/// </summary>
internal sealed class RubricLoader(TextWriter log, string? cacheFolder = null)
{
    public ReadyRubric Load(string path, double? timeoutSeconds = null)
    {
        if (!File.Exists(path)) throw new UserErrorException($"{path}: error: the rubric file was not found.");
        try
        {
            var rubric = ReadyRubric.Load(path, new RubricLoadOptions { Log = log.WriteLine, CacheFolder = cacheFolder }, timeoutSeconds);
            foreach (var w in rubric.Warnings) log.WriteLine(w);
            return rubric;
        }
        catch (RubricScriptException e)
        {
            throw new UserErrorException(e.Message);
        }
        catch (RubricConfigException e)
        {
            throw new UserErrorException(e.Message);
        }
    }
}
