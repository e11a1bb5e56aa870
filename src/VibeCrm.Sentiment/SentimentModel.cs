using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace VibeCrm.Sentiment;

/// <summary>
/// Sentiment of one text. Label is positive, neutral or negative; Confidence is the probability of that label;
/// Score = P(positive) - P(negative), in [-1, 1].
/// </summary>
public sealed record SentimentResult(string Label, float Confidence, float Score);

/// <summary>
/// A trained sentiment model. Predict is thread-safe (a small pool of prediction engines is kept);
/// PredictBatch uses a single batch transform and is the faster choice for many texts.
/// </summary>
public sealed class SentimentModel : IDisposable
{
    /// <summary>File name of the shipped model, also copied to the output folder under Model/.</summary>
    public const string DefaultFileName = "sentiment-model.zip";

    private static readonly string[] RequiredColumns = ["CharText", "WordText", "Lex"];

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly ConcurrentBag<PredictionEngine<ModelInput, ModelOutput>> _engines = [];
    private readonly int _maxPooledEngines = Math.Max(2, Environment.ProcessorCount * 2);
    private readonly Lock _engineLock = new();
    private readonly int _positive;
    private readonly int _neutral;
    private readonly int _negative;
    private readonly string[] _slotLabels;
    private volatile bool _disposed;

    internal SentimentModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        _ml = ml;
        _transformer = transformer;
        _inputSchema = inputSchema;
        foreach (var column in RequiredColumns)
        {
            if (inputSchema.GetColumnOrNull(column) is null)
            {
                throw new InvalidDataException($"Not a VibeCrm sentiment model: input column '{column}' is missing.");
            }
        }

        if (inputSchema["Lex"].Type is VectorDataViewType { Size: var lexSize } && lexSize != TextPreprocessor.LexFeatureCount)
        {
            throw new InvalidDataException(
                $"Sentiment model was trained with {lexSize} lexicon features, this version computes {TextPreprocessor.LexFeatureCount}: retrain it.");
        }

        var outputSchema = transformer.GetOutputSchema(inputSchema);
        var score = outputSchema.GetColumnOrNull("Score")
            ?? throw new InvalidDataException("Not a VibeCrm sentiment model: no Score column.");
        VBuffer<ReadOnlyMemory<char>> names = default;
        score.GetSlotNames(ref names);
        _slotLabels = names.DenseValues().Select(n => n.ToString()).ToArray();
        if (_slotLabels.Length == 0)
        {
            throw new InvalidDataException("Not a VibeCrm sentiment model: the Score column has no label names.");
        }

        _positive = Array.IndexOf(_slotLabels, SentimentLabels.Positive);
        _neutral = Array.IndexOf(_slotLabels, SentimentLabels.Neutral);
        _negative = Array.IndexOf(_slotLabels, SentimentLabels.Negative);
    }

    /// <summary>Labels the model can predict (the labels it was trained on).</summary>
    public IReadOnlyList<string> Labels => _slotLabels;

    /// <summary>Loads the model shipped with this assembly (embedded resource, else Model/sentiment-model.zip next to the binaries).</summary>
    public static SentimentModel LoadDefault()
    {
        if (EmbeddedResources.Exists(EmbeddedResources.Model))
        {
            using var stream = EmbeddedResources.Open(EmbeddedResources.Model);
            return Load(stream);
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Model", DefaultFileName);
        if (File.Exists(path))
        {
            return LoadFile(path);
        }

        throw new FileNotFoundException("The shipped sentiment model was not found (embedded resource or Model/" + DefaultFileName + ").", path);
    }

    /// <summary>Loads a model saved with <see cref="Save(Stream)"/>.</summary>
    public static SentimentModel LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    /// <summary>Loads a model saved with <see cref="Save(Stream)"/>. The stream is read to the end but not closed.</summary>
    public static SentimentModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Stream source = stream;
        MemoryStream? buffer = null;
        if (!stream.CanSeek)
        {
            buffer = new MemoryStream();
            stream.CopyTo(buffer);
            buffer.Position = 0;
            source = buffer;
        }

        try
        {
            var ml = new MLContext(seed: 1);
            var transformer = ml.Model.Load(source, out var inputSchema);
            return new SentimentModel(ml, transformer, inputSchema);
        }
        finally
        {
            buffer?.Dispose();
        }
    }

    /// <summary>Saves the model as an ML.NET zip.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _ml.Model.Save(_transformer, _inputSchema, stream);
    }

    /// <summary>Saves the model to a file, creating the folder if needed.</summary>
    public void SaveFile(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Predicts the sentiment of one text. Thread-safe.</summary>
    public SentimentResult Predict(string text)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var engine = RentEngine();
        try
        {
            var output = engine.Predict(ModelInput.From(text));
            return ToResult(output.Score);
        }
        finally
        {
            ReturnEngine(engine);
        }
    }

    /// <summary>Predicts many texts with one batch transform. Results are in input order. Thread-safe.</summary>
    public IReadOnlyList<SentimentResult> PredictBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (texts.Count == 0)
        {
            return [];
        }

        var inputs = new ModelInput[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            inputs[i] = ModelInput.From(texts[i]);
        }

        var data = _ml.Data.LoadFromEnumerable(inputs);
        var scored = _transformer.Transform(data);
        var results = new List<SentimentResult>(texts.Count);
        var scoreColumn = scored.Schema["Score"];
        using (var cursor = scored.GetRowCursor([scoreColumn]))
        {
            var getter = cursor.GetGetter<VBuffer<float>>(scoreColumn);
            VBuffer<float> buffer = default;
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                results.Add(ToResult(buffer.DenseValues().ToArray()));
            }
        }

        return results;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_engines.TryTake(out var engine))
        {
            engine.Dispose();
        }

        (_transformer as IDisposable)?.Dispose();
    }

    private SentimentResult ToResult(float[] scores)
    {
        // Normalise defensively: trainers without calibrated outputs can produce values that do not sum to 1.
        var sum = 0f;
        var probs = new float[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var v = float.IsFinite(scores[i]) ? Math.Max(0f, scores[i]) : 0f;
            probs[i] = v;
            sum += v;
        }

        if (sum <= 0f)
        {
            Array.Fill(probs, 1f / Math.Max(1, probs.Length));
        }
        else
        {
            for (var i = 0; i < probs.Length; i++)
            {
                probs[i] /= sum;
            }
        }

        var best = 0;
        for (var i = 1; i < probs.Length; i++)
        {
            if (probs[i] > probs[best])
            {
                best = i;
            }
        }

        var pPos = _positive >= 0 ? probs[_positive] : 0f;
        var pNeg = _negative >= 0 ? probs[_negative] : 0f;
        var score = Math.Clamp(pPos - pNeg, -1f, 1f);
        return new SentimentResult(_slotLabels[best], probs[best], score);
    }

    private PredictionEngine<ModelInput, ModelOutput> RentEngine()
    {
        if (_engines.TryTake(out var engine))
        {
            return engine;
        }

        lock (_engineLock)
        {
            return _ml.Model.CreatePredictionEngine<ModelInput, ModelOutput>(_transformer, _inputSchema);
        }
    }

    private void ReturnEngine(PredictionEngine<ModelInput, ModelOutput> engine)
    {
        if (!_disposed && _engines.Count < _maxPooledEngines)
        {
            _engines.Add(engine);
        }
        else
        {
            engine.Dispose();
        }
    }

    internal bool HasNeutral => _neutral >= 0;
}
