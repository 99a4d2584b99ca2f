namespace RubricEngine.Rubrics;

/// <summary>
/// The globals of a rubric script: everything a <c>.csx</c> rubric can call without a prefix —
/// <c>Rubric(...)</c>, <c>Pass()</c>, <c>Fail(...)</c>, <c>Partial(...)</c>.
/// </summary>
public class RubricGlobals
{
    private RubricBuilder? _builder;

    /// <summary>Creates the globals for a rubric whose relative paths start at <paramref name="baseDirectory"/>.</summary>
    public RubricGlobals(string baseDirectory) => BaseDirectory = baseDirectory;

    /// <summary>The folder of the rubric file; relative paths in the rubric start here.</summary>
    public string BaseDirectory { get; }

    /// <summary>Declares the rubric. Call it once per rubric script.</summary>
    public void Rubric(string title, Action<RubricBuilder> configure)
    {
        if (_builder is not null)
            throw new RubricDefinitionException("Rubric(...) is called twice; a rubric file declares one rubric.");
        _builder = new RubricBuilder(title, BaseDirectory);
        configure(_builder);
    }

    /// <summary>Full points.</summary>
    public CheckResult Pass(string message = "") => CheckResult.Pass(message);

    /// <summary>No points, with the reason a student will read.</summary>
    public CheckResult Fail(string message, params Evidence[] evidence) => CheckResult.Fail(message, evidence);

    /// <summary>Part of the points (score from 0 to 1), with the reason.</summary>
    public CheckResult Partial(double score, string message, params Evidence[] evidence) => CheckResult.Partial(score, message, evidence);

    /// <summary>The rubric the script declared; throws when it declared none.</summary>
    internal RubricDefinition BuildRubric() =>
        (_builder ?? throw new RubricDefinitionException("The script never calls Rubric(\"title\", r => { … })."))
        .Build();
}
