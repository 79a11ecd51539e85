using System.Diagnostics;

namespace NewsWatch.IntegrationTests.Infrastructure;

/// <summary>Runs the built `newswatch` command as a user would, with settings in its environment.</summary>
public sealed class NewsWatchProcess(IDictionary<string, string> environment)
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public async Task<Result> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"newswatch {string.Join(' ', args)} did not finish in 5 minutes: {await error}");
        }

        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Starts a long-running command (`run`); the caller reads its output and stops it.</summary>
    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = environment.TryGetValue("WORKDIR", out var workdir) ? workdir : Path.GetTempPath(),
        };
        start.ArgumentList.Add(RepositoryPaths.Output("NewsWatch.Cli", "newswatch.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }
}
