using VibeCrm.Sentiment;

namespace VibeCrm.UnitTests.Sentiment;

public sealed class SentimentTopicsTests
{
    [Theory]
    [InlineData("The pizza was cold", SentimentTopics.Food)]
    [InlineData("our waitress was lovely", SentimentTopics.Staff)]
    [InlineData("way too expensive for what it is", SentimentTopics.Price)]
    [InlineData("the toilets were filthy", SentimentTopics.Cleanliness)]
    [InlineData("waited 40 minutes for a table", SentimentTopics.WaitTime)]
    [InlineData("the delievery driver left it at the wrong door", SentimentTopics.Delivery)]
    [InlineData("the zipper broke after a week, poor quality", SentimentTopics.ProductQuality)]
    [InlineData("great customer service", SentimentTopics.Service)]
    [InlineData("the COFFEEE was sooo good", SentimentTopics.Food)]
    public void Detects_default_topics(string text, string topic)
    {
        Assert.Contains(topic, SentimentTopics.Detect(text));
    }

    [Fact]
    public void Detects_several_topics_in_default_order()
    {
        var topics = SentimentTopics.Detect("Rude waiters, dirty tables and the burger took an hour. Overpriced too.");

        Assert.Equal([SentimentTopics.Food, SentimentTopics.Price, SentimentTopics.Cleanliness, SentimentTopics.Staff, SentimentTopics.WaitTime], topics);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hello there")]
    public void Texts_without_keywords_have_no_topics(string text)
    {
        Assert.Empty(SentimentTopics.Detect(text));
    }

    [Fact]
    public void Waiter_does_not_trigger_wait_time()
    {
        Assert.DoesNotContain(SentimentTopics.WaitTime, SentimentTopics.Detect("the waiter was lovely"));
    }

    [Fact]
    public void Tenant_topics_extend_the_defaults()
    {
        var extra = new[]
        {
            new TopicDefinition("loyalty", ["loyalty card", "points", "stamp*"]),
            new TopicDefinition("food", ["bao"]),
        };

        Assert.Equal(["loyalty"], SentimentTopics.Detect("my stamps never showed up", extra));
        Assert.Contains("loyalty", SentimentTopics.Detect("The Loyalty Card is great", extra));
        Assert.Equal([SentimentTopics.Food], SentimentTopics.Detect("best bao ever", extra));
        Assert.Empty(SentimentTopics.Detect("best bao ever"));
    }
}
