using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.Extensions.Options;
using NewsWatch.Alerts;
using NewsWatch.Classification;
using NewsWatch.Email;
using NewsWatch.Messages;
using NewsWatch.Subscriptions;
using SendGrid;

namespace NewsWatch.Conformance;

/// <summary>
/// Every mail/send payload NewsWatch sends validates against SendGrid's own OpenAPI schema
/// (../shared/data/sendgrid, twilio/sendgrid-oai's tsg_mail_v3.json): alerts, hostile feed text and all, go through
/// the real sender and the real SendGrid client, over real HTTP, to a loopback server, and what arrives is checked.
/// </summary>
public sealed class SendGridContractTests
{
    private static readonly DealAssessment Seed = new(true, 0.93, "negotiating", "Russia", "Pakistan",
        [new WeaponSystemMention("Mi-35", WeaponCategory.Aircraft, null)], [])
    {
        Embargo = "lifted",
        EvidenceSentence = "Russia is negotiating the sale of Mi-35 attack helicopters to Islamabad.",
    };

    public static TheoryData<string, string, string?> Alerts => new()
    {
        { "Russia lifts arms embargo on Pakistan, negotiates Mi-35 sale", "https://arms-desk.example/news/1?utm_source=rss&x=1", Seed.EvidenceSentence },
        { "<script>alert(1)</script>\r\nBcc: victim@example.org", "javascript:alert(1)", "<img src=x onerror=alert(1)> Russia sells Mi-35s." },
        { new string('x', 2_000), "https://news.example/" + new string('y', 500), null },
        { "Россия продаёт Пакистану Ми-35 — «сделка» ✈️", "https://ria.example/сделка", "Россия ведёт переговоры о продаже Ми-35." },
        { "", "data:text/html,<b>hi</b>", "" },
    };

    [Theory]
    [MemberData(nameof(Alerts))]
    public async Task SendAsync_Alert_PayloadValidatesAgainstTheMailSendSchema(string title, string url, string? evidence)
    {
        await using var server = await ExampleServer.StartAsync("");
        var deal = Seed with { EvidenceSentence = evidence };

        var alert = new DealAlert("a1", url, title, null, deal);
        var story = new Story("s1", title, url, deal.Stage, default, default) { Outlets = ["news.example", "wire.example"] };
        var subscriber = new Subscriber("desk@example.org", ["Pakistan"], []);
        await Sender(server).SendAsync(AlertEmail.Compose(alert, story, update: true, subscriber, new DeliveryKey("s1", SubscriberStore.IdOf(subscriber.Email), "negotiating"), Links), default);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v3/mail/send", request.Url.AbsolutePath);
        AssertValid(request.Body);
    }

    [Fact]
    public void Schema_PayloadWithoutSenderOrRecipients_Invalid()
    {
        // The schema is read so that it can fail: a payload SendGrid would refuse does not pass.
        var result = Schema().Evaluate(JsonDocument.Parse("""{"personalizations":[{"to":[]}],"subject":"s","content":[{"type":"text/plain","value":"v"}]}""").RootElement);

        Assert.False(result.IsValid);
    }

    private static void AssertValid(string body)
    {
        var result = Schema().Evaluate(JsonDocument.Parse(body).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors!.Values)}");
        Assert.True(result.IsValid, "the payload does not validate:\n" + string.Join("\n", errors) + "\n" + body);
    }

    private static readonly SubscriptionLinks Links = new(
        new SubscriptionTokens(Options.Create(new SubscriptionsOptions { TokenSigningKey = new string('k', 32) }), TimeProvider.System),
        Options.Create(new SubscriptionsOptions { PublicBaseUrl = "https://newswatch.example" }),
        Options.Create(new EmailOptions { From = "alerts@newswatch.example" }));

    [Fact]
    public async Task SendAsync_ConfirmationAndDigest_PayloadsValidateAgainstTheMailSendSchema()
    {
        await using var server = await ExampleServer.StartAsync("");
        var subscriber = new Subscriber("desk@example.org", [], []);
        var entries = new[] { new DigestEntry("s1", "<b>Russia</b> sells Mi-35s\r\nBcc: x@example.org", "javascript:alert(1)", "Russia → Pakistan", default) { Outlets = ["news.example"] } };

        await Sender(server).SendAsync(ConfirmationEmail.Compose(subscriber.Email, Links.Confirm(subscriber.Email), TimeSpan.FromHours(48)), default);
        await Sender(server).SendAsync(DigestEmail.Compose(subscriber, entries, new DateOnly(2026, 11, 27), new DeliveryKey("digest", "id", "2026-11-27"), Links), default);

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, request => AssertValid(request.Body));
        Assert.DoesNotContain("<b>Russia", server.Requests.Last().Body, StringComparison.Ordinal);
    }

    private static SendGridEmailSender Sender(ExampleServer server) => new(
        new SendGridClient(new HttpClient(), new SendGridClientOptions { ApiKey = "contract-test-key", Host = server.BaseUri.AbsoluteUri.TrimEnd('/') }),
        Options.Create(new EmailOptions()),
        Options.Create(new SendGridOptions()),
        TimeProvider.System);

    /// <summary>
    /// The request body's schema from the OpenAPI document, as a JSON Schema of its own: the components it refers to
    /// become its $defs, and the OpenAPI-only keywords become JSON Schema ("nullable": a "null" type) or go ("example").
    /// </summary>
    private static readonly Lazy<JsonSchema> MailSendSchema = new(ReadSchema);

    private static JsonSchema Schema() => MailSendSchema.Value;

    private static JsonSchema ReadSchema()
    {
        var spec = JsonNode.Parse(File.ReadAllText(SpecPath()))!;
        var schema = spec["components"]!["requestBodies"]!["PostMailSend"]!["content"]!["application/json"]!["schema"]!.DeepClone().AsObject();
        schema["$defs"] = spec["components"]!["schemas"]!.DeepClone();
        FromOpenApi(schema, inProperties: false);
        return JsonSchema.FromText(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
    }

    private static void FromOpenApi(JsonNode? node, bool inProperties)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                FromOpenApi(item, inProperties: false);
            }
        }

        if (node is not JsonObject schema)
        {
            return;
        }

        foreach (var key in schema.Select(p => p.Key).ToList())
        {
            if (inProperties)
            {
                FromOpenApi(schema[key], inProperties: false); // a property's name, whatever it is
                continue;
            }

            if (key == "nullable")
            {
                if (schema[key]!.GetValue<bool>() && schema["type"] is JsonValue type)
                {
                    schema["type"] = new JsonArray(type.GetValue<string>(), "null");
                }

                schema.Remove(key);
            }
            else if (key == "example" || key.StartsWith("x-", StringComparison.Ordinal))
            {
                schema.Remove(key);
            }
            else
            {
                FromOpenApi(schema[key], inProperties: key is "properties" or "$defs" or "patternProperties");
            }
        }
    }

    private static string SpecPath()
    {
        var path = Path.GetFullPath(Path.Combine(CorpusLocation.RepositoryRoot(), "..", "shared", "data", "sendgrid", "twilio-sendgrid-oai", "spec", "json", "tsg_mail_v3.json"));
        if (!File.Exists(path))
        {
            Assert.Fail($"SendGrid's mail/send OpenAPI document is missing: expected {path}. Run this suite only where ../shared/data exists.");
        }

        return path;
    }
}
