using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsWatch.IntegrationTests.Infrastructure;

/// <summary>`newswatch run` as a user starts it, listening on a free loopback port (its links follow).</summary>
public sealed class RunnerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _log;

    private RunnerProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _log = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
    }

    public Uri BaseUrl { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the runner logged; complete once it has exited.</summary>
    public Task<string> Log => _log;

    /// <param name="environment">Settings; without PublicBaseUrl, as a developer runs it: the links follow --urls.</param>
    public static async Task<RunnerProcess> StartAsync(IDictionary<string, string> environment)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        var runner = new RunnerProcess(new NewsWatchProcess(environment).Start("run", "--urls", baseUrl.AbsoluteUri.TrimEnd('/')), baseUrl);
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !runner.HasExited)
        {
            try
            {
                if ((await http.GetAsync(new Uri(baseUrl, "api/subscribe"))).IsSuccessStatusCode)
                {
                    return runner;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        await runner.DisposeAsync();
        throw new TimeoutException($"newswatch run did not serve {baseUrl} within 60 s: {await runner.Log}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
