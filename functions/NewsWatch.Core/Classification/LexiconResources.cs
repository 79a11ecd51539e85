using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace NewsWatch.Classification;

/// <summary>The lexicon files embedded in this assembly (LogicalName "NewsWatch.Lexicons.&lt;file&gt;") and how to read them.</summary>
/// <remarks>
/// The files are read token by token straight over their UTF-8 bytes (<see cref="Reader"/>, <see cref="JsonText"/>),
/// not with <see cref="JsonSerializer"/>: a cold process spent more time setting the serializer up (its metadata,
/// converters and their generic code) than reading the files, and even <see cref="Utf8JsonReader"/> alone spent
/// most of its time in generic code compiled, unoptimised, on first use. The reading is as strict as the
/// serializer with <see cref="LexiconJsonContext"/>'s options, which stays the reference a unit test holds it to.
/// </remarks>
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

    public static CountriesFile ReadCountries() => Read(Countries, Reader.CountriesFile);

    public static LexiconFile<SystemEntry> ReadSystems() => Read(Systems, Reader.SystemsFile);

    public static LexiconFile<CategoryTermEntry> ReadCategoryTerms() => Read(CategoryTerms, Reader.CategoryTermsFile);

    public static LexiconFile<TransferTermEntry> ReadTransferTerms() => Read(TransferTerms, Reader.TransferTermsFile);

    public static LexiconFile<OrganisationEntry> ReadOrganisations() => Read(Organisations, Reader.OrganisationsFile);

    public static LexiconFile<NegativeCueEntry> ReadNegativeCues() => Read(NegativeCues, Reader.NegativeCuesFile);

    /// <summary>Reads a countries file from its UTF-8 text; <see cref="JsonException"/> when it does not fit the format.</summary>
    public static CountriesFile ParseCountries(ReadOnlySpan<byte> json) => Reader.Parse(json, Reader.CountriesFile);

    /// <inheritdoc cref="ParseCountries"/>
    public static LexiconFile<SystemEntry> ParseSystems(ReadOnlySpan<byte> json) => Reader.Parse(json, Reader.SystemsFile);

    /// <inheritdoc cref="ParseCountries"/>
    public static LexiconFile<CategoryTermEntry> ParseCategoryTerms(ReadOnlySpan<byte> json) => Reader.Parse(json, Reader.CategoryTermsFile);

    /// <inheritdoc cref="ParseCountries"/>
    public static LexiconFile<TransferTermEntry> ParseTransferTerms(ReadOnlySpan<byte> json) => Reader.Parse(json, Reader.TransferTermsFile);

    /// <inheritdoc cref="ParseCountries"/>
    public static LexiconFile<OrganisationEntry> ParseOrganisations(ReadOnlySpan<byte> json) => Reader.Parse(json, Reader.OrganisationsFile);

    /// <inheritdoc cref="ParseCountries"/>
    public static LexiconFile<NegativeCueEntry> ParseNegativeCues(ReadOnlySpan<byte> json) => Reader.Parse(json, Reader.NegativeCuesFile);

    /// <summary>The embedded file's bytes, as written (UTF-8, without a byte order mark if it had one).</summary>
    public static byte[] ReadBytes(string fileName)
    {
        var assembly = typeof(LexiconResources).Assembly;
        using var stream = assembly.GetManifestResourceStream("NewsWatch.Lexicons." + fileName)
            ?? throw new InvalidDataException($"Lexicon {fileName} is not embedded in {assembly.GetName().Name}.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes.AsSpan().StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;
    }

    /// <summary>Reads a file's version without binding its entries, so a test can report which file is off.</summary>
    public static int ReadVersion(string fileName)
    {
        using var document = JsonDocument.Parse(ReadBytes(fileName));
        return document.RootElement.GetProperty("version").GetInt32();
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static T Read<T>(string fileName, Reader.FileReader<T> read)
    {
        var bytes = ReadBytes(fileName);
        try
        {
            return Reader.Parse(bytes, read);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Lexicon {fileName} is not valid: {e.Message}", e);
        }
    }

    /// <summary>
    /// Binds the lexicon files as <see cref="LexiconJsonContext"/> does: members by their camelCase names, an
    /// unknown or repeated member, a missing required one, a null where the type has none, or a value of the
    /// wrong kind is a <see cref="JsonException"/>. Lists of strings are arrays, without nulls.
    /// </summary>
    private static class Reader
    {
        public delegate T FileReader<out T>(ref JsonText json);

        private delegate T EntryReader<out T>(ref JsonText json, int index);

        public static T Parse<T>(ReadOnlySpan<byte> utf8, FileReader<T> read)
        {
            if (utf8.StartsWith(Utf8Bom))
            {
                utf8 = utf8[Utf8Bom.Length..];
            }

            var json = new JsonText(utf8);
            Next(ref json);
            var file = read(ref json);
            return json.Read() ? throw Invalid(ref json, "there is more after the file's object") : file;
        }

        public static CountriesFile CountriesFile(ref JsonText json)
        {
            int? version = null;
            string? notes = null;
            List<CountryEntry>? entries = null;
            string[]? stopPhrases = null;
            var seen = 0;
            Start(ref json, Token.StartObject);
            while (NextMember(ref json))
            {
                switch (Member(ref json, ref seen, json.ValueTextEquals("version"u8) ? 0 : json.ValueTextEquals("notes"u8) ? 1 : json.ValueTextEquals("entries"u8) ? 2 : json.ValueTextEquals("stopPhrases"u8) ? 3 : -1))
                {
                    case 0: version = Integer(ref json); break;
                    case 1: notes = NullableText(ref json); break;
                    case 2: entries = Entries(ref json, Country); break;
                    default: stopPhrases = Texts(ref json); break;
                }
            }

            return new CountriesFile
            {
                Version = version ?? throw Missing("version"),
                Notes = notes,
                Entries = entries ?? throw Missing("entries"),
                StopPhrases = stopPhrases ?? [],
            };
        }

        public static LexiconFile<SystemEntry> SystemsFile(ref JsonText json) => Envelope(ref json, WeaponSystem);

        public static LexiconFile<CategoryTermEntry> CategoryTermsFile(ref JsonText json) => Envelope(ref json, CategoryTerm);

        public static LexiconFile<TransferTermEntry> TransferTermsFile(ref JsonText json) => Envelope(ref json, TransferTerm);

        public static LexiconFile<OrganisationEntry> OrganisationsFile(ref JsonText json) => Envelope(ref json, Organisation);

        public static LexiconFile<NegativeCueEntry> NegativeCuesFile(ref JsonText json) => Envelope(ref json, NegativeCue);

        private static LexiconFile<T> Envelope<T>(ref JsonText json, EntryReader<T> entry)
        {
            int? version = null;
            string? notes = null;
            List<T>? entries = null;
            var seen = 0;
            Start(ref json, Token.StartObject);
            while (NextMember(ref json))
            {
                switch (Member(ref json, ref seen, json.ValueTextEquals("version"u8) ? 0 : json.ValueTextEquals("notes"u8) ? 1 : json.ValueTextEquals("entries"u8) ? 2 : -1))
                {
                    case 0: version = Integer(ref json); break;
                    case 1: notes = NullableText(ref json); break;
                    default: entries = Entries(ref json, entry); break;
                }
            }

            return new LexiconFile<T>
            {
                Version = version ?? throw Missing("version"),
                Notes = notes,
                Entries = entries ?? throw Missing("entries"),
            };
        }

        private static List<T> Entries<T>(ref JsonText json, EntryReader<T> entry)
        {
            var entries = new List<T>();
            Start(ref json, Token.StartArray);
            while (NextItem(ref json))
            {
                entries.Add(entry(ref json, entries.Count));
            }

            return entries;
        }

        private static CountryEntry Country(ref JsonText json, int index)
        {
            string? name = null, iso2 = null, iso3 = null;
            string[]? aliases = null, textCodes = null, capitals = null, demonyms = null;
            var seen = 0;
            Start(ref json, Token.StartObject);
            while (NextMember(ref json))
            {
                var member = json.ValueTextEquals("name"u8) ? 0 : json.ValueTextEquals("iso2"u8) ? 1 : json.ValueTextEquals("iso3"u8) ? 2 :
                    json.ValueTextEquals("aliases"u8) ? 3 : json.ValueTextEquals("textCodes"u8) ? 4 : json.ValueTextEquals("capitals"u8) ? 5 :
                    json.ValueTextEquals("demonyms"u8) ? 6 : -1;
                switch (Member(ref json, ref seen, member, index))
                {
                    case 0: name = Text(ref json); break;
                    case 1: iso2 = Text(ref json); break;
                    case 2: iso3 = Text(ref json); break;
                    case 3: aliases = Texts(ref json); break;
                    case 4: textCodes = Texts(ref json); break;
                    case 5: capitals = Texts(ref json); break;
                    default: demonyms = Texts(ref json); break;
                }
            }

            return new CountryEntry
            {
                Name = name ?? throw Missing("name", index),
                Iso2 = iso2 ?? throw Missing("iso2", index),
                Iso3 = iso3 ?? throw Missing("iso3", index),
                Aliases = aliases ?? [],
                TextCodes = textCodes ?? [],
                Capitals = capitals ?? [],
                Demonyms = demonyms ?? [],
            };
        }

        private static SystemEntry WeaponSystem(ref JsonText json, int index)
        {
            string? name = null, category = null, origin = null;
            string[]? patterns = null;
            var caseSensitive = false;
            var seen = 0;
            Start(ref json, Token.StartObject);
            while (NextMember(ref json))
            {
                var member = json.ValueTextEquals("name"u8) ? 0 : json.ValueTextEquals("category"u8) ? 1 : json.ValueTextEquals("origin"u8) ? 2 :
                    json.ValueTextEquals("patterns"u8) ? 3 : json.ValueTextEquals("caseSensitive"u8) ? 4 : -1;
                switch (Member(ref json, ref seen, member, index))
                {
                    case 0: name = Text(ref json); break;
                    case 1: category = Text(ref json); break;
                    case 2: origin = NullableText(ref json); break;
                    case 3: patterns = Texts(ref json); break;
                    default: caseSensitive = Flag(ref json); break;
                }
            }

            return new SystemEntry
            {
                Name = name ?? throw Missing("name", index),
                Category = category ?? throw Missing("category", index),
                Origin = origin,
                Patterns = patterns ?? throw Missing("patterns", index),
                CaseSensitive = caseSensitive,
            };
        }

        private static CategoryTermEntry CategoryTerm(ref JsonText json, int index)
        {
            string? name = null, category = null;
            string[]? patterns = null;
            var seen = 0;
            Start(ref json, Token.StartObject);
            while (NextMember(ref json))
            {
                var member = json.ValueTextEquals("name"u8) ? 0 : json.ValueTextEquals("category"u8) ? 1 : json.ValueTextEquals("patterns"u8) ? 2 : -1;
                switch (Member(ref json, ref seen, member, index))
                {
                    case 0: name = Text(ref json); break;
                    case 1: category = Text(ref json); break;
                    default: patterns = Texts(ref json); break;
                }
            }

            return new CategoryTermEntry
            {
                Name = name ?? throw Missing("name", index),
                Category = category ?? throw Missing("category", index),
                Patterns = patterns ?? throw Missing("patterns", index),
            };
        }

        private static TransferTermEntry TransferTerm(ref JsonText json, int index)
        {
            string? name = null, stage = null, direction = null, impliedSupplier = null;
            var weight = 0.0;
            string[]? patterns = null;
            var seen = 0;
            Start(ref json, Token.StartObject);
            while (NextMember(ref json))
            {
                var member = json.ValueTextEquals("name"u8) ? 0 : json.ValueTextEquals("stage"u8) ? 1 : json.ValueTextEquals("direction"u8) ? 2 :
                    json.ValueTextEquals("weight"u8) ? 3 : json.ValueTextEquals("impliedSupplier"u8) ? 4 : json.ValueTextEquals("patterns"u8) ? 5 : -1;
                switch (Member(ref json, ref seen, member, index))
                {
                    case 0: name = Text(ref json); break;
                    case 1: stage = NullableText(ref json); break;
                    case 2: direction = NullableText(ref json); break;
                    case 3: weight = Number(ref json); break;
                    case 4: impliedSupplier = NullableText(ref json); break;
                    default: patterns = Texts(ref json); break;
                }
            }

            return new TransferTermEntry
            {
                Name = name ?? throw Missing("name", index),
                Stage = stage,
                Direction = direction,
                Weight = (seen & (1 << 3)) != 0 ? weight : throw Missing("weight", index),
                ImpliedSupplier = impliedSupplier,
                Patterns = patterns ?? throw Missing("patterns", index),
            };
        }

        private static OrganisationEntry Organisation(ref JsonText json, int index)
        {
            string? name = null, country = null, kind = null;
            string[]? patterns = null;
            var caseSensitive = false;
            var seen = 0;
            Start(ref json, Token.StartObject);
            while (NextMember(ref json))
            {
                var member = json.ValueTextEquals("name"u8) ? 0 : json.ValueTextEquals("country"u8) ? 1 : json.ValueTextEquals("kind"u8) ? 2 :
                    json.ValueTextEquals("patterns"u8) ? 3 : json.ValueTextEquals("caseSensitive"u8) ? 4 : -1;
                switch (Member(ref json, ref seen, member, index))
                {
                    case 0: name = Text(ref json); break;
                    case 1: country = NullableText(ref json); break;
                    case 2: kind = Text(ref json); break;
                    case 3: patterns = Texts(ref json); break;
                    default: caseSensitive = Flag(ref json); break;
                }
            }

            return new OrganisationEntry
            {
                Name = name ?? throw Missing("name", index),
                Country = country,
                Kind = kind ?? throw Missing("kind", index),
                Patterns = patterns ?? throw Missing("patterns", index),
                CaseSensitive = caseSensitive,
            };
        }

        private static NegativeCueEntry NegativeCue(ref JsonText json, int index)
        {
            string? name = null;
            var weight = 0.0;
            string[]? patterns = null;
            var caseSensitive = false;
            var seen = 0;
            Start(ref json, Token.StartObject);
            while (NextMember(ref json))
            {
                var member = json.ValueTextEquals("name"u8) ? 0 : json.ValueTextEquals("weight"u8) ? 1 : json.ValueTextEquals("patterns"u8) ? 2 :
                    json.ValueTextEquals("caseSensitive"u8) ? 3 : -1;
                switch (Member(ref json, ref seen, member, index))
                {
                    case 0: name = Text(ref json); break;
                    case 1: weight = Number(ref json); break;
                    case 2: patterns = Texts(ref json); break;
                    default: caseSensitive = Flag(ref json); break;
                }
            }

            return new NegativeCueEntry
            {
                Name = name ?? throw Missing("name", index),
                Weight = (seen & (1 << 1)) != 0 ? weight : throw Missing("weight", index),
                Patterns = patterns ?? throw Missing("patterns", index),
                CaseSensitive = caseSensitive,
            };
        }

        /// <summary>Checks the current token opens what the member's type needs.</summary>
        private static void Start(ref JsonText json, Token start)
        {
            if (json.TokenType != start)
            {
                throw Invalid(ref json, start == Token.StartObject ? "an object was expected" : "an array was expected");
            }
        }

        /// <summary>Moves to the next member's name (true) or to the end of the object (false).</summary>
        private static bool NextMember(ref JsonText json)
        {
            Next(ref json);
            return json.TokenType == Token.Name;
        }

        /// <summary>Moves to the next item (true) or to the end of the array (false).</summary>
        private static bool NextItem(ref JsonText json)
        {
            Next(ref json);
            return json.TokenType != Token.EndArray;
        }

        /// <summary>Checks the member <paramref name="member"/> (-1: unknown) appears once, and moves to its value.</summary>
        private static int Member(ref JsonText json, ref int seen, int member, int entry = -1)
        {
            if (member < 0 || (seen & (1 << member)) != 0)
            {
                var name = json.GetString();
                throw Invalid(ref json, $"{(member < 0 ? "unknown" : "repeated")} member \"{name}\"{(entry < 0 ? string.Empty : $" in entries[{entry}]")}");
            }

            seen |= 1 << member;
            Next(ref json);
            return member;
        }

        private static int Integer(ref JsonText json) =>
            json.TokenType == Token.Number && json.TryGetInt32(out var value) ? value : throw Invalid(ref json, "an integer was expected");

        private static double Number(ref JsonText json) =>
            json.TokenType == Token.Number && json.TryGetDouble(out var value) ? value : throw Invalid(ref json, "a number was expected");

        private static bool Flag(ref JsonText json) => json.TokenType switch
        {
            Token.True => true,
            Token.False => false,
            _ => throw Invalid(ref json, "true or false was expected"),
        };

        private static string Text(ref JsonText json) =>
            json.TokenType == Token.String ? json.GetString()! : throw Invalid(ref json, "a string was expected");

        private static string? NullableText(ref JsonText json) =>
            json.TokenType == Token.Null ? null : Text(ref json);

        private static string[] Texts(ref JsonText json)
        {
            Start(ref json, Token.StartArray);
            var strings = new List<string>();
            while (NextItem(ref json))
            {
                strings.Add(Text(ref json));
            }

            return [.. strings];
        }

        private static void Next(ref JsonText json)
        {
            if (!json.Read())
            {
                throw Invalid(ref json, "the file ends early");
            }
        }

        private static JsonException Missing(string member, int entry = -1) =>
            new($"the required member \"{member}\" is missing{(entry < 0 ? string.Empty : $" in entries[{entry}]")}");

        private static JsonException Invalid(ref JsonText json, string problem) =>
            new($"{problem} (at byte {json.TokenStartIndex})");
    }

    /// <summary>The kinds of token <see cref="JsonText"/> reads.</summary>
    private enum Token : byte
    {
        None,
        StartObject,
        EndObject,
        StartArray,
        EndArray,
        Name,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>
    /// A strict reader of JSON text (RFC 8259) in UTF-8, token by token: what <see cref="Reader"/> needs of
    /// <see cref="Utf8JsonReader"/>, and as strict (no comments, no trailing commas, one value, a depth of at most
    /// 64, valid escapes and UTF-8), but written for the lexicon files' few hundred kilobytes read once in a cold
    /// process: there, <see cref="Utf8JsonReader"/>'s string scanning runs through generic code that is compiled
    /// on first use and runs unoptimised, and it was most of the files' reading time.
    /// </summary>
    private ref struct JsonText(ReadOnlySpan<byte> utf8)
    {
        private const int MaxDepth = 64;

        // Invalid UTF-8 is an error, as it is to the serializer, not a replacement character.
        private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly ReadOnlySpan<byte> _utf8 = utf8;
        private int _i;
        private int _depth;
        private ulong _objects;     // bit d - 1: the container at depth d is an object
        private bool _separated;    // in a container, a value has ended: a comma or the end must follow
        private bool _named;        // in an object, a member's name (and colon) has been read: its value follows
        private bool _comma;        // a comma has been read: no end may follow
        private bool _done;         // the root value has ended
        private int _start;         // the current string's or number's text
        private int _end;
        private bool _escaped;      // the current string has escapes

        // (Fields, not properties: the accessors would be compiled at start-up, for the few reads of each token.)
        public Token TokenType;

        /// <summary>Where the current token starts, in bytes.</summary>
        public int TokenStartIndex;

        /// <summary>Moves to the next token; false at the end of the text, after the root value.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Read()
        {
            SkipWhitespace();
            TokenStartIndex = _i;
            if (_i == _utf8.Length)
            {
                return _done ? false : throw Invalid("the text ends early");
            }

            if (_done)
            {
                throw Invalid("there is more after the value");
            }

            var c = _utf8[_i];
            if (_depth > 0)
            {
                var inObject = (_objects & (1UL << (_depth - 1))) != 0;
                if (c == (inObject ? (byte)'}' : (byte)']') && !_named && !_comma)
                {
                    _i++;
                    _depth--;
                    TokenType = inObject ? Token.EndObject : Token.EndArray;
                    Ended();
                    return true;
                }

                if (_separated)
                {
                    if (c != ',')
                    {
                        throw Unexpected(c, inObject ? "a comma or the end of the object was expected" : "a comma or the end of the array was expected");
                    }

                    _i++;
                    (_separated, _comma) = (false, true);
                    SkipWhitespace();
                    TokenStartIndex = _i;
                    c = _i < _utf8.Length ? _utf8[_i] : throw Invalid("the text ends early");
                }

                if (inObject && !_named)
                {
                    if (c != '"')
                    {
                        throw Invalid("a member name was expected");
                    }

                    ScanString();
                    SkipWhitespace();
                    if (_i == _utf8.Length || _utf8[_i] != ':')
                    {
                        throw Invalid("a colon was expected after the member name");
                    }

                    _i++;
                    (_named, _comma) = (true, false);
                    TokenType = Token.Name;
                    return true;
                }
            }

            (_named, _comma) = (false, false);
            switch (c)
            {
                case (byte)'{' or (byte)'[':
                    if (_depth == MaxDepth)
                    {
                        throw Invalid("the depth is more than 64");
                    }

                    _i++;
                    _objects = c == '{' ? _objects | (1UL << _depth) : _objects & ~(1UL << _depth);
                    _depth++;
                    _separated = false;
                    TokenType = c == '{' ? Token.StartObject : Token.StartArray;
                    return true;
                case (byte)'"':
                    ScanString();
                    TokenType = Token.String;
                    break;
                case (byte)'t':
                    Literal("true"u8);
                    TokenType = Token.True;
                    break;
                case (byte)'f':
                    Literal("false"u8);
                    TokenType = Token.False;
                    break;
                case (byte)'n':
                    Literal("null"u8);
                    TokenType = Token.Null;
                    break;
                case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                    ScanNumber();
                    TokenType = Token.Number;
                    break;
                default:
                    throw Unexpected(c, "a value was expected");
            }

            Ended();
            return true;
        }

        /// <summary>Whether the current string or name, unescaped, is <paramref name="text"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // asked a few times of every member name
        public readonly bool ValueTextEquals(ReadOnlySpan<byte> text)
        {
            if (!_escaped)
            {
                return _utf8[_start.._end].SequenceEqual(text);
            }

            var unescaped = _end - _start <= 256 ? stackalloc byte[_end - _start] : new byte[_end - _start];
            return unescaped[..Unescape(unescaped)].SequenceEqual(text);
        }

        /// <summary>The current string or name.</summary>
        public readonly string GetString()
        {
            var text = _utf8[_start.._end];
            try
            {
                if (!_escaped)
                {
                    return StrictUtf8.GetString(text);
                }

                var unescaped = new byte[text.Length];
                return StrictUtf8.GetString(unescaped, 0, Unescape(unescaped));
            }
            catch (DecoderFallbackException e)
            {
                throw new JsonException($"the string is not valid UTF-8 (at byte {TokenStartIndex})", e);
            }
        }

        /// <summary>The current number as an int: false when it has a fraction or an exponent, or is out of range.</summary>
        public readonly bool TryGetInt32(out int value) =>
            int.TryParse(_utf8[_start.._end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        /// <summary>The current number as a finite double.</summary>
        public readonly bool TryGetDouble(out double value) =>
            double.TryParse(_utf8[_start.._end], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

        private void Ended()
        {
            if (_depth == 0)
            {
                _done = true;
            }
            else
            {
                _separated = true;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void SkipWhitespace()
        {
            while (_i < _utf8.Length && _utf8[_i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                _i++;
            }
        }

        private void Literal(ReadOnlySpan<byte> literal)
        {
            if (!_utf8[_i..].StartsWith(literal))
            {
                throw Invalid("an unknown literal");
            }

            _i += literal.Length;
        }

        /// <summary>Reads a string from its opening quote: its text is checked (escapes, no control characters), not decoded.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ScanString()
        {
            var i = _i + 1;
            _escaped = false;
            while (true)
            {
                if (i >= _utf8.Length)
                {
                    throw Invalid("a string is not closed");
                }

                var b = _utf8[i];
                if (b == '"')
                {
                    break;
                }

                if (b < 0x20)
                {
                    throw Invalid("a control character in a string must be escaped");
                }

                if (b == '\\')
                {
                    _escaped = true;
                    var e = i + 1 < _utf8.Length ? _utf8[i + 1] : (byte)0;
                    if (e == 'u')
                    {
                        if (i + 6 > _utf8.Length || !IsHex(_utf8[i + 2]) || !IsHex(_utf8[i + 3]) || !IsHex(_utf8[i + 4]) || !IsHex(_utf8[i + 5]))
                        {
                            throw Invalid("a \\u escape needs four hexadecimal digits");
                        }

                        i += 6;
                        continue;
                    }

                    if (e is not ((byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'))
                    {
                        throw Invalid("an unknown escape in a string");
                    }

                    i += 2;
                    continue;
                }

                i++;
            }

            (_start, _end, _i) = (_i + 1, i, i + 1);
        }

        /// <summary>Reads a number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
        private void ScanNumber()
        {
            var i = _i;
            if (_utf8[i] == '-')
            {
                i++;
            }

            if (i < _utf8.Length && _utf8[i] == '0')
            {
                i++;
            }
            else if (!Digits(ref i))
            {
                throw Invalid("a number is not valid");
            }

            if (i < _utf8.Length && _utf8[i] == '.')
            {
                i++;
                if (!Digits(ref i))
                {
                    throw Invalid("a number is not valid");
                }
            }

            if (i < _utf8.Length && _utf8[i] is (byte)'e' or (byte)'E')
            {
                i++;
                if (i < _utf8.Length && _utf8[i] is (byte)'+' or (byte)'-')
                {
                    i++;
                }

                if (!Digits(ref i))
                {
                    throw Invalid("a number is not valid");
                }
            }

            (_start, _end, _i) = (_i, i, i);
        }

        private readonly bool Digits(ref int i)
        {
            var start = i;
            while (i < _utf8.Length && _utf8[i] is >= (byte)'0' and <= (byte)'9')
            {
                i++;
            }

            return i > start;
        }

        /// <summary>Writes the current string's bytes, its escapes resolved, to <paramref name="destination"/>; returns how many.</summary>
        private readonly int Unescape(Span<byte> destination)
        {
            var text = _utf8[_start.._end];
            var n = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != '\\')
                {
                    destination[n++] = text[i];
                    continue;
                }

                var e = text[++i];
                if (e != 'u')
                {
                    destination[n++] = e switch
                    {
                        (byte)'b' => (byte)'\b',
                        (byte)'f' => (byte)'\f',
                        (byte)'n' => (byte)'\n',
                        (byte)'r' => (byte)'\r',
                        (byte)'t' => (byte)'\t',
                        _ => e, // " \ /
                    };
                    continue;
                }

                int code = Hex(text.Slice(i + 1, 4));
                i += 4;
                if (char.IsHighSurrogate((char)code) && i + 6 < text.Length && text[i + 1] == '\\' && text[i + 2] == 'u' &&
                    Hex(text.Slice(i + 3, 4)) is var low && char.IsLowSurrogate((char)low))
                {
                    code = char.ConvertToUtf32((char)code, (char)low);
                    i += 6;
                }
                else if (char.IsSurrogate((char)code))
                {
                    throw new JsonException($"a \\u escape is half a surrogate pair (at byte {TokenStartIndex})");
                }

                n += new Rune(code).EncodeToUtf8(destination[n..]);
            }

            return n;
        }

        private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

        private static int Hex(ReadOnlySpan<byte> digits) =>
            int.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

        // (Messages are put together in these, not where they are thrown: in the reading methods, compiled fully
        // at start-up, the code to format them would be compiled too.)
        [MethodImpl(MethodImplOptions.NoInlining)]
        private readonly JsonException Invalid(string problem) => new($"{problem} (at byte {TokenStartIndex})");

        [MethodImpl(MethodImplOptions.NoInlining)]
        private readonly JsonException Unexpected(byte c, string expected) => Invalid($"'{(char)c}' is unexpected: {expected}");
    }
}
