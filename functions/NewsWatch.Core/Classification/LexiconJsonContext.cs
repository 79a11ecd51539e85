using System.Text.Json.Serialization;

namespace NewsWatch.Classification;

/// <summary>
/// Source-generated serializers for the lexicon files: the reference the files' own reader
/// (<see cref="LexiconResources"/>) is held to by the unit tests, and trim-safe. Unknown members are errors: a
/// misspelt field in a data file must fail the build's tests, not be silently ignored.
/// </summary>
[JsonSourceGenerationOptions(
    IncludeFields = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CountriesFile))]
[JsonSerializable(typeof(LexiconFile<SystemEntry>))]
[JsonSerializable(typeof(LexiconFile<CategoryTermEntry>))]
[JsonSerializable(typeof(LexiconFile<TransferTermEntry>))]
[JsonSerializable(typeof(LexiconFile<OrganisationEntry>))]
[JsonSerializable(typeof(LexiconFile<NegativeCueEntry>))]
internal sealed partial class LexiconJsonContext : JsonSerializerContext;
