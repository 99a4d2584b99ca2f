using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace RubricEngine.Reports.IO;

/// <summary>Another run held an output's lock for longer than the wait; nothing was written to that output.</summary>
public sealed class OutputLockTimeoutException(string message) : IOException(message);
