using System.Text;

namespace VibeCrm.Sentiment;

/// <summary>
/// A topic (aspect) and the keywords that signal it. Keywords are matched case-insensitively on whole words after light
/// stemming (plural -s/-es/-ies, -ing, -ed, -ly), so "waiter" also matches "waiters". A keyword may be several words
/// ("wait time") and may end with '*' for a prefix match ("clean*").
/// </summary>
public sealed record TopicDefinition(string Name, IReadOnlyList<string> Keywords);

/// <summary>Keyword-based aspect tagging of customer texts.</summary>
public static class SentimentTopics
{
    public const string Food = "food";
    public const string Service = "service";
    public const string Price = "price";
    public const string Cleanliness = "cleanliness";
    public const string Staff = "staff";
    public const string WaitTime = "wait time";
    public const string Delivery = "delivery";
    public const string ProductQuality = "product quality";

    /// <summary>The built-in topics, in the order results are reported.</summary>
    public static IReadOnlyList<TopicDefinition> Defaults { get; } =
    [
        new(Food, [
            "food", "meal", "dish", "menu", "taste*", "tasty", "flavo*", "delicious", "delicous", "delish", "yum*", "bland", "portion*",
            "breakfast", "brunch", "lunch", "dinner", "dessert", "desert", "starter", "appetizer", "appetiser", "pizza", "burger", "pasta",
            "steak", "soup", "salad", "sandwich", "sandwhich", "fries", "chips", "chicken", "fish", "sushi", "taco*", "curry", "rice",
            "noodle*", "bread", "croissant", "croisant", "pastry", "pastries", "cake", "muffin", "cookie*", "bagel", "coffee", "cofee",
            "coffe", "latte", "cappuccino", "cappucino", "espresso", "tea", "drink*", "cocktail*", "beer", "wine", "smoothie", "juice",
            "cooked", "overcooked", "undercooked", "raw", "stale", "soggy", "burnt", "greasy", "fresh", "crispy", "seasoned", "recipe",
            "ingredient*", "chef", "kitchen", "eat", "ate", "edible", "inedible",
        ]),
        new(Service, [
            "service", "servise", "sevice", "served", "serving", "customer service", "customer support", "support", "help", "helpful",
            "unhelpful", "attentive", "inattentive", "ignored", "ignoring", "welcome*", "greeted", "hospitality", "experience",
            "complaint*", "complain*", "refund*", "apolog*", "booking", "reservation", "order wrong", "wrong order", "forgot",
        ]),
        new(Price, [
            "price*", "pricey", "pricy", "expensive", "expencive", "cheap*", "overpriced", "over priced", "value", "cost*", "costly",
            "afford*", "bargain", "deal", "deals", "discount*", "money", "worth", "pay", "paid", "charge*", "overcharg*", "bill",
            "rip off", "ripoff", "rip-off", "extortionate", "budget", "fee", "fees", "tip", "voucher", "coupon", "promo",
        ]),
        new(Cleanliness, [
            "clean*", "unclean", "dirty", "dirt", "filth*", "spotless", "tidy", "untidy", "messy", "mess", "sticky", "hygien*",
            "unhygienic", "sanitary", "unsanitary", "smell*", "stink*", "stench", "odor", "odour", "dust*", "grime", "grimy", "greasy floor",
            "bathroom*", "restroom*", "toilet*", "washroom*", "loo", "hair", "cockroach*", "roach*", "bug", "bugs", "insect*", "fly", "flies",
            "mouse", "mice", "rat", "rats", "mold*", "mould*", "trash", "garbage bin", "disgusting", "gross",
        ]),
        new(Staff, [
            "staff", "staf", "employee*", "waiter", "waitress", "waitstaff", "server", "barista", "bartender", "cashier", "manager",
            "managment", "management", "owner", "host", "hostess", "chef", "cook", "team", "crew", "worker*", "assistant", "clerk",
            "driver", "courier", "rude", "friendly", "freindly", "polite", "impolite", "attitude", "guy", "girl", "lady", "person",
        ]),
        new(WaitTime, [
            "wait", "waited", "waiting", "wating", "wait time", "queue*", "line", "lines", "took forever", "forever", "ages", "slow*",
            "quick*", "fast", "speedy", "prompt*", "delay*", "minute*", "mins", "min", "hour", "hours", "hr", "hrs", "long time",
            "on time", "late", "still waiting", "took long", "took so long", "took too long",
        ]),
        new(Delivery, [
            "deliver*", "delievery", "delivary", "delivey", "shipping", "shipped", "ship", "shipment", "dispatch*", "courier", "driver",
            "parcel", "package", "packaging", "packed", "tracking", "tracked", "arrive*", "arrival", "doorstep", "takeaway", "take away",
            "take-out", "takeout", "uber eats", "ubereats", "deliveroo", "doordash", "grubhub", "just eat", "postage", "postman", "mail",
            "click and collect", "pickup", "pick up", "collection",
        ]),
        new(ProductQuality, [
            "quality", "qualty", "quailty", "product*", "item*", "build", "built", "well made", "poorly made", "badly made", "material*", "fabric", "stitching", "durable",
            "durability", "sturdy", "flimsy", "broke", "broken", "break*", "defect*", "faulty", "fault", "damage*", "cheaply",
            "stopped working", "doesn't work", "does not work", "didn't work", "works great", "works perfectly", "works well",
            "battery", "charger", "screen", "fit", "fits", "zipper", "warranty", "returned it", "return it", "returning it", "replacement", "lasts", "lasted", "malfunction*", "cracked", "scratch*",
        ]),
    ];

    /// <summary>
    /// Topics mentioned in <paramref name="text"/>: built-in topics first (in <see cref="Defaults"/> order), then extra ones.
    /// An extra definition whose name equals a built-in topic adds keywords to it.
    /// </summary>
    public static IReadOnlyList<string> Detect(string text, IEnumerable<TopicDefinition>? extra = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var topics = CompiledDefaults.Value;
        if (extra is not null)
        {
            topics = Merge(topics, extra);
        }

        var tokens = Tokens(text);
        var words = new HashSet<string>(tokens, StringComparer.Ordinal);
        var stems = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            stems[i] = Stem(tokens[i]);
            words.Add("\u0002" + stems[i]);
        }

        var found = new List<string>();
        foreach (var topic in topics)
        {
            if (topic.Keywords.Exists(k => k.Matches(tokens, stems, words)))
            {
                found.Add(topic.Name);
            }
        }

        return found;
    }

    // Keywords are tokenised and stemmed once (built-in ones once per process); a text is tokenised and stemmed once per
    // call, and single-word keywords are set lookups. Same matching rules as described on TopicDefinition.
    private static readonly Lazy<List<CompiledTopic>> CompiledDefaults = new(() => Merge([], Defaults));

    private sealed record CompiledTopic(string Name, List<CompiledKeyword> Keywords);

    private sealed class CompiledKeyword
    {
        private readonly string[] _parts;
        private readonly string[] _partStems;
        private readonly bool[] _prefix;

        private CompiledKeyword(string[] parts)
        {
            _parts = new string[parts.Length];
            _partStems = new string[parts.Length];
            _prefix = new bool[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                _prefix[i] = parts[i].EndsWith('\u0001');
                _parts[i] = _prefix[i] ? parts[i][..^1] : parts[i];
                _partStems[i] = Stem(_parts[i]);
            }
        }

        public static CompiledKeyword? From(string? keyword)
        {
            if (string.IsNullOrWhiteSpace(keyword))
            {
                return null;
            }

            var parts = Tokens(keyword.Replace("*", "\u0001", StringComparison.Ordinal), keepMarker: true);
            return parts.Length == 0 ? null : new CompiledKeyword(parts);
        }

        public bool Matches(string[] tokens, string[] stems, HashSet<string> words)
        {
            if (_parts.Length > tokens.Length)
            {
                return false;
            }

            if (_parts.Length == 1 && !_prefix[0])
            {
                return words.Contains(_parts[0]) || words.Contains("\u0002" + _partStems[0]);
            }

            for (var start = 0; start + _parts.Length <= tokens.Length; start++)
            {
                var ok = true;
                for (var j = 0; j < _parts.Length && ok; j++)
                {
                    var token = tokens[start + j];
                    var stem = stems[start + j];
                    ok = _prefix[j]
                        ? token.StartsWith(_parts[j], StringComparison.Ordinal) || stem.StartsWith(_partStems[j], StringComparison.Ordinal)
                        : token == _parts[j] || stem == _partStems[j];
                }

                if (ok)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static List<CompiledTopic> Merge(List<CompiledTopic> baseTopics, IEnumerable<TopicDefinition> extra)
    {
        var merged = baseTopics.Select(t => new CompiledTopic(t.Name, [.. t.Keywords])).ToList();
        foreach (var def in extra)
        {
            if (def is null || string.IsNullOrWhiteSpace(def.Name))
            {
                continue;
            }

            var name = def.Name.Trim();
            var keywords = (def.Keywords ?? []).Select(CompiledKeyword.From).OfType<CompiledKeyword>();
            var existing = merged.FindIndex(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
            if (existing >= 0)
            {
                merged[existing].Keywords.AddRange(keywords);
            }
            else
            {
                merged.Add(new CompiledTopic(name, [.. keywords]));
            }
        }

        return merged;
    }

    private static string[] Tokens(string text, bool keepMarker = false)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(ch) || (keepMarker && ch == '\u0001'))
            {
                sb.Append(ch);
            }
            else if (ch is '\'' or '\u2019')
            {
                // "doesn't" -> "doesnt": keep contractions as one token.
            }
            else
            {
                sb.Append(' ');
            }
        }

        var tokens = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = CollapseRepeats(tokens[i]);
        }

        return tokens;
    }

    private static string CollapseRepeats(string token)
    {
        if (token.Length < 3)
        {
            return token;
        }

        var sb = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            if (i >= 2 && token[i] == token[i - 1] && token[i] == token[i - 2])
            {
                continue;
            }

            sb.Append(token[i]);
        }

        return sb.ToString();
    }

    private static string Stem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }

        foreach (var suffix in (string[])["ies", "ing", "ed", "es", "ly", "s"])
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3)
            {
                var stem = word[..^suffix.Length];
                return suffix == "ies" ? stem + "y" : stem;
            }
        }

        return word;
    }
}
