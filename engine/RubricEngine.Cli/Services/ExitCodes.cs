namespace RubricEngine.Cli.Services;

/// <summary>The exit codes of <c>rubric</c>, as documented in README.</summary>
internal static class ExitCodes
{
    /// <summary>Everything was graded (or the verb succeeded).</summary>
    public const int Success = 0;

    /// <summary>
    /// Some traces could not be graded, or a file that might be a trace (a PDF, a saved page) was skipped, or a rule
    /// failed (threw, timed out) on some trace so a criterion is ungraded, or <c>--fail-on</c> tripped, or a rubric test
    /// failed; outputs were still written. Skipped companion files of an export do not count. For <c>lms-check</c>: the LMS
    /// would refuse the file or change what it must not.
    /// </summary>
    public const int Partial = 1;

    /// <summary>Usage error or rubric error (does not compile, bad configuration): nothing was graded.</summary>
    public const int UsageOrRubricError = 2;
}
