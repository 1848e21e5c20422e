using System.CommandLine;
using PolicyBot.Bench.Analyze;
using PolicyBot.Bench.Dispatch;
using PolicyBot.Bench.Poll;

var root = new RootCommand("PolicyBot benchmarks. Run in Release: dotnet run -c Release --project bench/PolicyBot.Bench -- <benchmark>.")
{
    PollCommand.Create(),
    AnalyzeCommand.Create(),
    PolicyBot.Bench.SlackAckCommand.Create(),
    DispatchCommand.Create(),
    PolicyBot.Bench.Queries.CommandsBenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
