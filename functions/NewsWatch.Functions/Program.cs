using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using NewsWatch;

var builder = FunctionsApplication.CreateBuilder(args);
builder.AddNewsWatch();
builder.Build().Run();
