using System.CommandLine;
using NewsWatch.Cli.Commands;

var root = new RootCommand("newswatch: arms-deal alerts from news feeds")
{
    RunCommand.Create(),
    FeedsCommand.Create(),
    SubscribersCommand.Create(),
    ClassifyCommand.Create(),
    EvalCommand.Create(),
    ParseFeedCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
