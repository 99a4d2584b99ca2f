using RubricEngine.Cli;

return await RubricApp.RunAsync(args);
