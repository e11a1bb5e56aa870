using VibeCrm.Sentiment;

namespace VibeCrm.UnitTests.Sentiment;

/// <summary>Loads the shipped model once for all sentiment tests.</summary>
public sealed class SentimentModelFixture : IDisposable
{
    public SentimentModel Model { get; } = SentimentModel.LoadDefault();

    public void Dispose() => Model.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SentimentCollection : ICollectionFixture<SentimentModelFixture>
{
    public const string Name = "sentiment model";
}
