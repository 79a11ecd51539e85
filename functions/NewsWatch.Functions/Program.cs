using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using NewsWatch;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication(); // HTTP triggers get ASP.NET Core's HttpRequest, as the local runner's endpoints do
builder.AddNewsWatch();
builder.Build().Run();
