using Microsoft.ML.Data;

namespace VibeCrm.Sentiment;

internal sealed class ModelInput
{
    public string Label { get; set; } = string.Empty;

    public string CharText { get; set; } = string.Empty;

    public string WordText { get; set; } = string.Empty;

    [VectorType(TextPreprocessor.LexFeatureCount)]
    public float[] Lex { get; set; } = new float[TextPreprocessor.LexFeatureCount];

    public static ModelInput From(string? text, string label = "")
    {
        var p = TextPreprocessor.Process(text);
        return new ModelInput { Label = label, CharText = p.CharText, WordText = p.WordText, Lex = p.Lex };
    }
}

internal sealed class ModelOutput
{
    public string PredictedLabel { get; set; } = string.Empty;

    public float[] Score { get; set; } = [];
}
