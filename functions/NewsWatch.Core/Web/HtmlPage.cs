using System.Text;
using Microsoft.AspNetCore.Http;

namespace NewsWatch.Web;

/// <summary>
/// A subscription page as an HTTP response. The pages carry signed tokens in their addresses, so they are never
/// cached and never leak a Referer; they run no script at all, which the Content-Security-Policy makes sure of.
/// </summary>
public sealed class HtmlPage(int status, string html) : IResult
{
    public int Status => status;

    public string Html => html;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        await response.WriteAsync(html, Encoding.UTF8, httpContext.RequestAborted);
    }
}
