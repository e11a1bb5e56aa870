using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;

namespace VibeCrm.Web.Features.Imports;

/// <summary>The text encoding of an uploaded file, or why it cannot be read.</summary>
/// <param name="PreambleLength">Bytes of byte-order mark to skip.</param>
public sealed record CsvEncoding(Encoding? Encoding, int PreambleLength, string? Error);

/// <summary>The separator and the header of a CSV text, or why it cannot be imported.</summary>
public sealed record CsvLayout(char Delimiter, IReadOnlyList<string> Headers, string? Error);

/// <summary>One record of a CSV file. <see cref="Row"/> is its number in the file (the header is row 1).</summary>
public sealed record CsvRow(int Row, string[] Cells);

/// <summary>
/// Works out how an uploaded CSV is written: the encoding (UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252 when
/// nothing else fits and the bytes can only be that), the separator (comma, semicolon, tab or pipe, the one that splits the
/// header and the following rows into the same number of columns), the header row; and refuses what cannot be imported.
/// </summary>
public static class CsvSniffer
{
    public static readonly char[] Delimiters = [',', ';', '\t', '|'];

    public const string NotUtf8 = "The file is not valid UTF-8 text. In Excel use “Save as” → “CSV UTF-8 (comma delimited)”; in other spreadsheet apps export as CSV with the UTF-8 encoding, then upload it again.";

    private const int SampleRecords = 50;

    static CsvSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads the whole stream once (it is not kept in memory) to decide how its bytes are to be decoded.</summary>
    public static async Task<CsvEncoding> DetectEncodingAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        var first = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var head = buffer.AsSpan(0, first);
        if (head.Length == 0 || IsBlank(head))
        {
            return new(null, 0, "The file is empty.");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2, null);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2, null);
        }

        if (BinaryKind(head) is { } binary)
        {
            return new(null, 0, binary);
        }

        var bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var scan = new Utf8Scan();
        scan.Feed(head[bom..]);
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (buffer.AsSpan(0, read).Contains((byte)0))
            {
                return new(null, 0, "This does not look like a CSV file: it contains binary data. Export your data as CSV and upload that file.");
            }

            scan.Feed(buffer.AsSpan(0, read));
        }

        scan.End();
        if (!scan.Invalid)
        {
            return new(new UTF8Encoding(false, throwOnInvalidBytes: true), bom, null);
        }

        // Windows-1252 only when it is the sole reading: no well-formed UTF-8 sequence at all and no byte that 1252 leaves undefined.
        return bom == 0 && scan.ValidSequences == 0 && !scan.Undefined1252
            ? new(Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), 0, null)
            : new(null, 0, NotUtf8);
    }

    /// <summary>Decides the separator and reads the header from the start of the text (<paramref name="complete"/>: the sample is the whole file).</summary>
    public static CsvLayout DetectLayout(string sample, bool complete)
    {
        sample = sample.TrimStart('\uFEFF');
        if (!complete)
        {
            // The last record of a cut sample may be incomplete.
            var lastBreak = sample.LastIndexOf('\n');
            sample = lastBreak > 0 ? sample[..lastBreak] : sample;
        }

        var candidates = Delimiters.Select(d => (Delimiter: d, Records: ReadSample(sample, d))).ToList();
        if (candidates[0].Records.Count == 0)
        {
            return Fail("The file is empty.");
        }

        var best = candidates
            .Where(c => c.Records[0].Length > 1)
            .OrderByDescending(c => c.Records.Count(r => r.Length == c.Records[0].Length))
            .ThenByDescending(c => c.Records[0].Length)
            .Select(c => ((char Delimiter, List<string[]> Records)?)c)
            .FirstOrDefault();
        var (delimiter, records) = best ?? candidates[0];
        if (best is null && OtherSeparator(sample) is { } other)
        {
            return Fail($"The file seems to separate its columns with “{other}”. Use a comma, semicolon, tab or pipe (|) between columns: in your spreadsheet app export as CSV.");
        }

        var headers = records[0].Select((h, i) => h.Trim() is { Length: > 0 } name ? name : $"Column {i + 1}").ToArray();
        if (LooksLikeData(records[0]) is { } data)
        {
            return Fail($"The first row looks like data (“{data}”), not column names. Add a header row, such as “First name,Last name,Email”.");
        }

        return records.Count < 2
            ? Fail("The file has a header row but no data rows.")
            : new CsvLayout(delimiter, headers, null);
    }

    /// <summary>Counts the data rows of the whole file and lists the rows whose number of columns differs from the header's.</summary>
    public static async Task<(int DataRows, string? Error)> CheckRowsAsync(TextReader reader, char delimiter, int columns, CancellationToken cancellationToken)
    {
        var ragged = new List<int>();
        var raggedCount = 0;
        var rows = 0;
        await foreach (var row in ReadAsync(reader, delimiter, cancellationToken))
        {
            rows++;
            if (row.Cells.Length != columns && !(row.Cells.Length < columns && row.Cells.All(string.IsNullOrWhiteSpace)))
            {
                raggedCount++;
                if (ragged.Count < 10)
                {
                    ragged.Add(row.Row);
                }
            }
        }

        var dataRows = Math.Max(0, rows - 1);
        if (raggedCount > 0)
        {
            var list = string.Join(", ", ragged) + (raggedCount > ragged.Count ? $" and {raggedCount - ragged.Count} more" : "");
            return (dataRows, $"{(raggedCount == 1 ? "Row" : "Rows")} {list} {(raggedCount == 1 ? "does" : "do")} not have the same number of columns as the header ({columns}). Check for a missing or extra “{Display(delimiter)}” or an unclosed quote, then upload the file again.");
        }

        return dataRows == 0 ? (0, "The file has a header row but no data rows.") : (dataRows, null);
    }

    /// <summary>Streams the records of a CSV text (the header first); never holds more than one record.</summary>
    public static async IAsyncEnumerable<CsvRow> ReadAsync(TextReader reader, char delimiter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var csv = CsvReader.Create(reader, Options(delimiter), leaveOpen: true);
        var row = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            row++;
            yield return new CsvRow(row, Cells(csv));
        }
    }

    public static string Display(char delimiter) => delimiter == '\t' ? "tab" : delimiter.ToString();

    private static CsvReaderOptions Options(char delimiter) => new()
    {
        Separator = delimiter,
        HasHeader = false,
        SkipEmptyLines = true,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
    };

    private static string[] Cells(CsvReader csv)
    {
        var cells = new string[csv.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = csv.GetString(i);
        }

        return cells;
    }

    private static List<string[]> ReadSample(string sample, char delimiter)
    {
        var records = new List<string[]>();
        using var csv = CsvReader.FromText(sample, Options(delimiter));
        while (records.Count < SampleRecords && csv.Read())
        {
            records.Add(Cells(csv));
        }

        return records;
    }

    /// <summary>A punctuation character found the same number of times on every sampled line: the separator someone actually used.</summary>
    private static string? OtherSeparator(string sample)
    {
        var lines = sample.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Take(SampleRecords).ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        foreach (var c in lines[0].Distinct().Where(c => (char.IsPunctuation(c) || char.IsSymbol(c)) && c is not ('-' or '_' or '.' or '\'' or '"' or '@' or '(' or ')' or '/' or '&' or '+')))
        {
            var count = lines[0].Count(x => x == c);
            if (lines.Count(l => l.Count(x => x == c) == count) * 10 >= lines.Count * 9)
            {
                return c.ToString();
            }
        }

        return null;
    }

    private static CsvLayout Fail(string error) => new(',', [], error);

    private static string? LooksLikeData(string[] header) =>
        header.FirstOrDefault(h => h.Contains('@', StringComparison.Ordinal) && h.Contains('.', StringComparison.Ordinal)
            || h.Count(char.IsDigit) >= 6);

    private static bool IsBlank(ReadOnlySpan<byte> head)
    {
        var start = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        foreach (var b in head[start..])
        {
            if (b is not ((byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static string? BinaryKind(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "This is an Excel workbook (or another zip file), not a CSV file. In Excel use “Save as” → “CSV UTF-8 (comma delimited)” and upload that file.";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return "This is an old Excel workbook, not a CSV file. In Excel use “Save as” → “CSV UTF-8 (comma delimited)” and upload that file.";
        }

        if (head.StartsWith("%PDF"u8))
        {
            return "This is a PDF document, not a CSV file.";
        }

        var controls = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return "This does not look like a CSV file: it contains binary data. Export your data as CSV and upload that file.";
            }

            if (b < 0x20 && b is not ((byte)'\r' or (byte)'\n' or (byte)'\t' or 0x0C or 0x1A))
            {
                controls++;
            }
        }

        return controls * 100 > head.Length ? "This does not look like a CSV file: it contains binary data. Export your data as CSV and upload that file." : null;
    }

    /// <summary>A streaming check of UTF-8 well-formedness (also counting well-formed multi-byte sequences).</summary>
    private sealed class Utf8Scan
    {
        private int _pending;

        public bool Invalid { get; private set; }

        public int ValidSequences { get; private set; }

        public bool Undefined1252 { get; private set; }

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (_pending > 0)
                {
                    if ((b & 0xC0) == 0x80)
                    {
                        if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
                        {
                            Undefined1252 = true;
                        }

                        if (--_pending == 0)
                        {
                            ValidSequences++;
                        }

                        continue;
                    }

                    Invalid = true;
                    _pending = 0;
                }

                if (b < 0x80)
                {
                    continue;
                }

                if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
                {
                    Undefined1252 = true;
                }

                _pending = b switch
                {
                    >= 0xC2 and <= 0xDF => 1,
                    >= 0xE0 and <= 0xEF => 2,
                    >= 0xF0 and <= 0xF4 => 3,
                    _ => 0,
                };
                if (_pending == 0)
                {
                    Invalid = true;
                }
            }
        }

        public void End()
        {
            if (_pending > 0)
            {
                Invalid = true;
            }
        }
    }
}
