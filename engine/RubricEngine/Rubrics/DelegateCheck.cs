using System.Runtime.CompilerServices;
using RubricEngine.Segmentation;
using RubricEngine.Traces;

namespace RubricEngine.Rubrics;

/// <summary>A check given as a lambda.</summary>
public sealed class DelegateCheck(Func<Answer, CheckResult> evaluate, string description) : ICheck
{
    public CheckResult Evaluate(Answer answer) => evaluate(answer);

    public string Describe() => description;
}
