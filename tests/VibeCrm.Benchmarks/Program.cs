using BenchmarkDotNet.Running;
using VibeCrm.Benchmarks;

// dotnet run -c Release --project tests/VibeCrm.Benchmarks -- customers --size 100000 [--runs 200] [--plans]
// Anything else goes to BenchmarkDotNet (micro-benchmarks in this assembly).
if (args.Length > 0 && args[0] == "customers")
{
    return await CustomerSearchBenchmark.RunAsync(args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(CustomerSearchBenchmark).Assembly).Run(args);
return 0;
