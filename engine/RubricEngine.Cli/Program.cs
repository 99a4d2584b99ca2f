using RubricEngine.Cli;

// A rubric script's own regex can backtrack catastrophically inside the regex engine, where the woven time guard
// cannot reach: give every regex without an explicit timeout one, so such a rule fails with
// RegexMatchTimeoutException instead of leaving a spinning thread for the watchdog to abandon. Must be set before any
// Regex is constructed.
AppContext.SetData("REGEX_DEFAULT_MATCH_TIMEOUT", TimeSpan.FromSeconds(2));

return await RubricApp.RunAsync(args);
