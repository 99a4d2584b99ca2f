using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;
using RubricEngine.Rubrics;

namespace RubricEngine.Scripting;

/// <summary>What compiling a rubric produced: the assembly (debug information embedded) and how to enter it.</summary>
internal sealed record CompiledRubric(byte[] Assembly, string EntryType, string EntryMethod, ColumnMap Columns, IReadOnlyList<ScriptDiagnostic> Warnings);
