using RubricEngine.Text;

namespace RubricEngine.Rubrics;

/// <summary>A check that judges one answer. Built-in checks and <c>Custom(...)</c> lambdas implement it.</summary>
public interface ICheck
{
    /// <summary>Judges <paramref name="answer"/>. Must not keep state between calls: answers are judged in parallel.</summary>
    CheckResult Evaluate(Answer answer);

    /// <summary>One line for <c>rubric check</c>: what it checks and with which options.</summary>
    string Describe();
}
