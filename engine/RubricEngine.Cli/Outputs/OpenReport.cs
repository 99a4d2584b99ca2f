using RubricEngine.Reports;

namespace RubricEngine.Cli.Outputs;

/// <summary>An output the run asked for, with its open sink.</summary>
/// <param name="Output">Which output (option, label, messages).</param>
/// <param name="Sink">The sink grades are written to.</param>
internal sealed record OpenReport(IReportOutput Output, IGradeSink Sink);
