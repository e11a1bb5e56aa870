using VibeCrm.Sentiment;

namespace VibeCrm.UnitTests.Sentiment;

[Collection(SentimentCollection.Name)]
public sealed class SentimentModelTests(SentimentModelFixture fixture)
{
    private readonly SentimentModel _model = fixture.Model;

    [Theory]
    [InlineData("absolutely loved it")]
    [InlineData("Best coffee in town, the barista is lovely")]
    [InlineData("sooo good 😍")]
    [InlineData("this burger slaps")]
    [InlineData("5 stars, will be back")]
    public void Clear_positive_texts_are_positive(string text)
    {
        var result = _model.Predict(text);

        Assert.Equal(SentimentLabels.Positive, result.Label);
        Assert.True(result.Score > 0.3f, $"score {result.Score}");
    }

    [Theory]
    [InlineData("worst service ever")]
    [InlineData("the fries were cold and the staff were rude")]
    [InlineData("NEVER AGAIN 😡")]
    [InlineData("total waste of money")]
    [InlineData("1 star, my order was wrong")]
    public void Clear_negative_texts_are_negative(string text)
    {
        var result = _model.Predict(text);

        Assert.Equal(SentimentLabels.Negative, result.Label);
        Assert.True(result.Score < -0.3f, $"score {result.Score}");
    }

    [Theory]
    [InlineData("ordered the latte")]
    [InlineData("open on sundays?")]
    [InlineData("it was fine, nothing special")]
    public void Factual_and_lukewarm_texts_are_neutral(string text)
    {
        Assert.Equal(SentimentLabels.Neutral, _model.Predict(text).Label);
    }

    [Theory]
    [InlineData("not bad at all", SentimentLabels.Positive)]
    [InlineData("the food wasn't great", SentimentLabels.Negative)]
    [InlineData("the coffee was not good", SentimentLabels.Negative)]
    [InlineData("never had a bad meal here", SentimentLabels.Positive)]
    [InlineData("Don't waste your money.", SentimentLabels.Negative)]
    public void Negation_flips_polarity(string text, string expected)
    {
        Assert.Equal(expected, _model.Predict(text).Label);
    }

    [Theory]
    [InlineData("food was great but the wait was awful", SentimentLabels.Negative)]
    [InlineData("the wait was long but the food was amazing", SentimentLabels.Positive)]
    [InlineData("great, another 40 minute wait", SentimentLabels.Negative)]
    public void Contrast_and_sarcasm_follow_the_gist(string text, string expected)
    {
        Assert.Equal(expected, _model.Predict(text).Label);
    }

    [Fact]
    public void Scores_and_confidences_are_in_range()
    {
        var texts = SentimentCorpus.HeldOut.Take(200).Select(r => r.Text).Append(string.Empty).Append("🙂").ToList();

        foreach (var result in _model.PredictBatch(texts))
        {
            Assert.InRange(result.Score, -1f, 1f);
            Assert.InRange(result.Confidence, 1f / 3f - 1e-4f, 1f + 1e-6f);
            Assert.Contains(result.Label, SentimentLabels.All);
        }
    }

    [Fact]
    public void Batch_and_single_predictions_agree()
    {
        var texts = SentimentCorpus.HeldOut.Take(50).Select(r => r.Text).ToList();

        var batch = _model.PredictBatch(texts);

        Assert.Equal(texts.Count, batch.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            var single = _model.Predict(texts[i]);
            Assert.Equal(single.Label, batch[i].Label);
            Assert.Equal(single.Score, batch[i].Score, 4);
        }
    }

    [Fact]
    public void Empty_batch_returns_empty_list()
    {
        Assert.Empty(_model.PredictBatch([]));
    }

    [Fact]
    public void Parallel_predictions_match_sequential()
    {
        var texts = SentimentCorpus.HeldOut.Take(300).Select(r => r.Text).ToArray();
        var sequential = texts.Select(_model.Predict).ToArray();
        var parallel = new SentimentResult[texts.Length];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = _model.Predict(texts[i]));

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Save_and_load_round_trip_gives_same_predictions()
    {
        using var stream = new MemoryStream();
        _model.Save(stream);
        stream.Position = 0;
        using var loaded = SentimentModel.Load(stream);

        foreach (var text in new[] { "absolutely loved it", "worst service ever", "ordered the latte" })
        {
            Assert.Equal(_model.Predict(text), loaded.Predict(text));
        }
    }

    [Fact]
    public void Load_rejects_a_stream_that_is_not_a_model()
    {
        using var stream = new MemoryStream([1, 2, 3, 4]);

        Assert.ThrowsAny<Exception>(() => SentimentModel.Load(stream));
    }
}
