using RubricEngine.Rubrics;

namespace RubricEngine.Grading;

/// <summary>Catches exceptions; sets no time limit. The script host supplies a runner that also bounds time.</summary>
internal sealed class CatchingRuleRunner : IRuleRunner
{
    public static CatchingRuleRunner Instance { get; } = new();

    public bool TryRun<T>(RuleDescriptor rule, Func<T> body, out T? result, out string? error)
    {
        try
        {
            result = body();
            error = null;
            return true;
        }
        catch (Exception e)
        {
            result = default;
            error = $"{e.GetType().Name}: {e.Message}";
            return false;
        }
    }

    public T Supervise<T>(Func<T> work) => work();
}
