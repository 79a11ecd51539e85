using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsWatch.Cli.Runner;
using NewsWatch.Email;
using NewsWatch.Subscriptions;

namespace NewsWatch.Cli.Commands;

internal static class RunCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Poll every feed once, drain both queues, print a summary and exit" };
        var urls = new Option<string>("--urls") { Description = "Where the subscription endpoints listen (default http://localhost:7071, as `func start`)" };
        var command = new Command("run", "Run the pipeline locally (the function app's triggers, without Core Tools)") { once, urls };
        command.SetAction((parse, token) =>
        {
            if (parse.GetValue(urls) is { } listen)
            {
                Environment.SetEnvironmentVariable("ASPNETCORE_URLS", listen);

                // Links in emails follow the address, unless set apart (a proxy in front, say) or not one a browser can open.
                const string publicBaseUrl = "NewsWatch__Subscriptions__PublicBaseUrl";
                if (Environment.GetEnvironmentVariable(publicBaseUrl) is null && Uri.TryCreate(listen.Split(';')[0], UriKind.Absolute, out var first)
                    && first.Port != 0 && first.Host is not ("*" or "+" or "0.0.0.0" or "[::]"))
                {
                    Environment.SetEnvironmentVariable(publicBaseUrl, first.GetLeftPart(UriPartial.Authority));
                }
            }

            return Run(parse, once, token);
        });
        return command;
    }

    private static Task<int> Run(ParseResult parse, Option<bool> once, CancellationToken token) =>
        CliHost.RunAsync(async (services, ct) =>
        {
            var runner = ActivatorUtilities.CreateInstance<LocalRunner>(
                services,
                QueueHostSettings.Load(Path.Combine(AppContext.BaseDirectory, "host.json")) with
                {
                    ProcessingLease = int.TryParse(Environment.GetEnvironmentVariable("NEWSWATCH_RUNNER_PROCESSING_LEASE"), out var seconds) && seconds > 0
                        ? TimeSpan.FromSeconds(seconds)
                        : TimeSpan.FromMinutes(10),
                });
            if (parse.GetValue(once))
            {
                try
                {
                    await runner.RunOnceAsync(ct);
                }
                catch (TimeoutException ex)
                {
                    Console.WriteLine(runner.Summary);
                    return await CliHost.Fail(ex.Message);
                }
            }
            else
            {
                Console.WriteLine($"NewsWatch is running; subscribe at {services.GetRequiredService<SubscriptionLinks>().Page(SubscriptionRoutes.Subscribe)}; Ctrl+C stops it.");
                try
                {
                    await runner.RunAsync(ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Ctrl+C: the summary below is the goodbye.
                }
            }

            Console.WriteLine(runner.Summary);
            if (services.GetRequiredService<IEmailSender>() is OutboxEmailSender)
            {
                var outbox = Path.GetFullPath(services.GetRequiredService<IOptions<EmailOptions>>().Value.OutboxPath);
                Console.WriteLine($"emails are in {outbox} (.eml for a mail client, .html for a browser)");
            }

            return 0;
        }, token, LogLevel.Information, localMode: true, web: !parse.GetValue(once));
}
