namespace RubricEngine.Cli.Services;

/// <summary>An error the user must fix before anything can run; printed without a stack trace, exit code 2.</summary>
internal sealed class UserErrorException(string message) : Exception(message);
