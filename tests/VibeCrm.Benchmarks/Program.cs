using BenchmarkDotNet.Running;
using VibeCrm.Benchmarks;

// dotnet run -c Release --project tests/VibeCrm.Benchmarks -- customers --size 100000 [--runs 200] [--plans]
// dotnet run -c Release --project tests/VibeCrm.Benchmarks -- sentiment [--size 10000] [--batch 500] [--runs 5]
// dotnet run -c Release --project tests/VibeCrm.Benchmarks -- purchases [--seconds 20] [--clients 16] [--members 200] [--lines 3]
// Anything else goes to BenchmarkDotNet (micro-benchmarks in this assembly).
if (args.Length > 0 && args[0] == "customers")
{
    return await CustomerSearchBenchmark.RunAsync(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "sentiment")
{
    return await SentimentBenchmark.RunAsync(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "purchases")
{
    return await PurchaseApiBenchmark.RunAsync(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(CustomerSearchBenchmark).Assembly).Run(args);
return 0;
