using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NewsWatch.Conformance;

/// <summary>A real HTTP server on 127.0.0.1 answering every request with one body, recording what it got.</summary>
internal sealed class ExampleServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly string _body;
    private readonly Task _serving;

    private ExampleServer(HttpListener listener, Uri baseUri, string body)
    {
        _listener = listener;
        _body = body;
        BaseUri = baseUri;
        _serving = ServeAsync();
    }

    public Uri BaseUri { get; }

    public List<Recorded> Requests { get; } = [];

    public static Task<ExampleServer> StartAsync(string body)
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var listener = new HttpListener();
            var baseUri = new Uri($"http://127.0.0.1:{port}/");
            listener.Prefixes.Add(baseUri.AbsoluteUri);
            try
            {
                listener.Start();
                return Task.FromResult(new ExampleServer(listener, baseUri, body));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close(); // the port was taken in between: try another
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            lock (Requests)
            {
                Requests.Add(new Recorded(context.Request.HttpMethod, context.Request.Url!, headers, reader.ReadToEnd()));
            }

            var bytes = Encoding.UTF8.GetBytes(_body);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }
}
