using System.Text.Json;
using System.Text.RegularExpressions;
using NewsWatch.Classification;

namespace NewsWatch.Benchmarks;

/// <summary>
/// The naive baseline for the classifier: what a keyword alert does, one compiled case-insensitive regex that
/// is the alternation of every lexicon term, counting its matches in an article. Built from the same embedded
/// lexicon files the classifier loads (read here as JSON, since the classifier's compiled form is internal):
/// every pattern of systems, category terms, transfer terms, organisations and negative cues, and every country
/// name, alias, capital, demonym, text code and stop phrase, escaped.
/// </summary>
public sealed class NaiveKeywordAlert
{
    private static readonly string[] PatternFiles =
        ["systems.json", "category-terms.json", "transfer-terms.json", "organisations.json", "negative-cues.json"];

    private static readonly string[] CountryFields = ["aliases", "capitals", "demonyms", "textCodes"];

    private readonly Regex _regex;

    public NaiveKeywordAlert()
    {
        Terms = [.. CountryTerms(), .. PatternFiles.SelectMany(PatternsOf)];
        _regex = new Regex(
            @"\b(?:" + string.Join('|', Terms.Select(t => "(?:" + t + ")")) + @")\b",
            RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
    }

    /// <summary>The regex alternatives, one per lexicon term.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>How many terms occur in <paramref name="text"/>: the alert's score.</summary>
    /// <remarks>The matches are materialised, not just counted (Regex.Count), because an alert shows the terms it found.</remarks>
    public int Count(string text)
    {
        var count = 0;
        foreach (Match match in _regex.Matches(text))
        {
            count += match.Length > 0 ? 1 : 0;
        }

        return count;
    }

    private static IEnumerable<string> CountryTerms()
    {
        using var document = Read("countries.json");
        foreach (var country in document.RootElement.GetProperty("entries").EnumerateArray())
        {
            yield return Regex.Escape(country.GetProperty("name").GetString()!);
            foreach (var field in CountryFields)
            {
                if (country.TryGetProperty(field, out var values))
                {
                    foreach (var value in values.EnumerateArray())
                    {
                        yield return Regex.Escape(value.GetString()!);
                    }
                }
            }
        }

        foreach (var stop in document.RootElement.GetProperty("stopPhrases").EnumerateArray())
        {
            yield return Regex.Escape(stop.GetString()!);
        }
    }

    private static IEnumerable<string> PatternsOf(string file)
    {
        using var document = Read(file);
        foreach (var entry in document.RootElement.GetProperty("entries").EnumerateArray())
        {
            foreach (var pattern in entry.GetProperty("patterns").EnumerateArray())
            {
                yield return pattern.GetString()!;
            }
        }
    }

    private static JsonDocument Read(string file)
    {
        var assembly = typeof(Lexicon).Assembly;
        using var stream = assembly.GetManifestResourceStream("NewsWatch.Lexicons." + file)
            ?? throw new InvalidOperationException($"{file} is not embedded in {assembly.GetName().Name}");
        return JsonDocument.Parse(stream);
    }
}
