using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NewsWatch.Classification;

/// <summary>The lexicon files embedded in this assembly (LogicalName "NewsWatch.Lexicons.&lt;file&gt;") and how to read them.</summary>
internal static class LexiconResources
{
    public const string Countries = "countries.json";
    public const string Systems = "systems.json";
    public const string CategoryTerms = "category-terms.json";
    public const string TransferTerms = "transfer-terms.json";
    public const string Organisations = "organisations.json";
    public const string NegativeCues = "negative-cues.json";

    /// <summary>The only file format version this code understands.</summary>
    public const int SupportedVersion = 1;

    public static IReadOnlyList<string> All { get; } =
        [Countries, Systems, CategoryTerms, TransferTerms, Organisations, NegativeCues];

    public static T Read<T>(string fileName, JsonTypeInfo<T> typeInfo)
    {
        var assembly = typeof(LexiconResources).Assembly;
        using var stream = assembly.GetManifestResourceStream("NewsWatch.Lexicons." + fileName)
            ?? throw new InvalidDataException($"Lexicon {fileName} is not embedded in {assembly.GetName().Name}.");
        try
        {
            return JsonSerializer.Deserialize(stream, typeInfo)
                ?? throw new InvalidDataException($"Lexicon {fileName} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Lexicon {fileName} is not valid: {e.Message}", e);
        }
    }

    public static CountriesFile ReadCountries() => Read(Countries, LexiconJsonContext.Default.CountriesFile);

    public static LexiconFile<SystemEntry> ReadSystems() => Read(Systems, LexiconJsonContext.Default.LexiconFileSystemEntry);

    public static LexiconFile<CategoryTermEntry> ReadCategoryTerms() => Read(CategoryTerms, LexiconJsonContext.Default.LexiconFileCategoryTermEntry);

    public static LexiconFile<TransferTermEntry> ReadTransferTerms() => Read(TransferTerms, LexiconJsonContext.Default.LexiconFileTransferTermEntry);

    public static LexiconFile<OrganisationEntry> ReadOrganisations() => Read(Organisations, LexiconJsonContext.Default.LexiconFileOrganisationEntry);

    public static LexiconFile<NegativeCueEntry> ReadNegativeCues() => Read(NegativeCues, LexiconJsonContext.Default.LexiconFileNegativeCueEntry);

    /// <summary>Reads a file's version without binding its entries, so a test can report which file is off.</summary>
    public static int ReadVersion(string fileName)
    {
        using var stream = typeof(LexiconResources).Assembly.GetManifestResourceStream("NewsWatch.Lexicons." + fileName)
            ?? throw new InvalidDataException($"Lexicon {fileName} is not embedded.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("version").GetInt32();
    }
}
