using Spectre.Console.Cli;

namespace RubricEngine.Cli;

/// <summary>The <c>rubric</c> command: one command class per verb, registered here.</summary>
public static class RubricApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("rubric");
            config.PropagateExceptions();
        });
        return await app.RunAsync(args);
    }
}
