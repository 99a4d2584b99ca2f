using RubricEngine.Cli.Commands;
using RubricEngine.Reports;
using RubricEngine.Reports.Sarif;

namespace RubricEngine.Cli.Outputs;

/// <summary><c>--sarif file</c>: findings for SARIF viewers, positioned in the trace files themselves.</summary>
internal sealed class SarifOutput : IReportOutput
{
    public string OptionKey => "sarif";
    public string? Label => "SARIF";
    public bool WritesFile => true;
    public string? Target(GradeSettings settings) => settings.Sarif;

    public IGradeSink Open(GradeSettings settings, ReportEnvironment environment) =>
        SarifWriter.ToFile(settings.Sarif!, new SarifOptions { BaseDirectory = environment.TraceRoot, ReadFile = environment.Source.Read }, environment.Policy);
}
