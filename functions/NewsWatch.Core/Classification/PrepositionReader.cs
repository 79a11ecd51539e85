namespace NewsWatch.Classification;

/// <summary>
/// Reads back from a party mention to the preposition that governs it, skipping determiners and the
/// "government of" kind of head ("to the Government of Poland", "for the Royal Australian Navy"), in English
/// and in the eight other languages the lexicons cover (French, German, Spanish, Italian, Portuguese, Polish,
/// Russian, Arabic).
/// </summary>
/// <remarks>
/// Where a language marks the role in the word itself rather than in a preposition, the mention's own form is
/// read: an Arabic لـ / للـ glued to the name ("لباكستان", "للهند": to), the Polish case after "z" (instrumental
/// "z Francją": with; genitive "z Francji": from), "na" and "do", and the Russian case after "в"/"на"
/// (accusative "в Индию": into, to; prepositional "в Индии": in). Bare Russian and Polish datives
/// ("поставит Пакистану", "sprzeda Pakistanowi") need no reading: no preposition governs them, and the role
/// rules give the remaining country the recipient's role.
/// </remarks>
internal static class PrepositionReader
{
    private const int MaxWordsBack = 6;

    private static readonly Dictionary<string, PrepositionKind> Prepositions = WithTypographicApostrophes(new Dictionary<string, PrepositionKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["to"] = PrepositionKind.To, ["for"] = PrepositionKind.To, ["into"] = PrepositionKind.To,
        ["toward"] = PrepositionKind.To, ["towards"] = PrepositionKind.To,
        ["from"] = PrepositionKind.From, ["by"] = PrepositionKind.By, ["with"] = PrepositionKind.With,
        ["on"] = PrepositionKind.On, ["against"] = PrepositionKind.On, ["upon"] = PrepositionKind.On,
        ["in"] = PrepositionKind.Other, ["at"] = PrepositionKind.Other, ["over"] = PrepositionKind.Other,
        ["about"] = PrepositionKind.Other, ["between"] = PrepositionKind.Other, ["among"] = PrepositionKind.Other,
        ["across"] = PrepositionKind.Other, ["near"] = PrepositionKind.Other, ["off"] = PrepositionKind.Other,
        ["via"] = PrepositionKind.Other, ["through"] = PrepositionKind.Other, ["within"] = PrepositionKind.Other,
        ["after"] = PrepositionKind.Other, ["before"] = PrepositionKind.Other, ["during"] = PrepositionKind.Other,
        ["under"] = PrepositionKind.Other, ["like"] = PrepositionKind.Other, ["including"] = PrepositionKind.Other,
        ["than"] = PrepositionKind.Other, ["as"] = PrepositionKind.Other, ["beyond"] = PrepositionKind.Other,
        ["said"] = PrepositionKind.Other, ["says"] = PrepositionKind.Other, ["told"] = PrepositionKind.Other,
        ["visit"] = PrepositionKind.Other, ["visits"] = PrepositionKind.Other, ["visited"] = PrepositionKind.Other,
        ["outside"] = PrepositionKind.Other, ["inside"] = PrepositionKind.Other, ["around"] = PrepositionKind.Other,

        // French. "à" also follows "acheter"/"commander" ("achète des chars aux États-Unis": from); read as
        // the receiving end, which it is after vendre, livrer, fournir, exporter.
        ["à"] = PrepositionKind.To, ["au"] = PrepositionKind.To, ["aux"] = PrepositionKind.To, ["pour"] = PrepositionKind.To,
        ["vers"] = PrepositionKind.To, ["par"] = PrepositionKind.By, ["avec"] = PrepositionKind.With,
        ["contre"] = PrepositionKind.On, ["sur"] = PrepositionKind.On, ["en"] = PrepositionKind.Other,
        ["dans"] = PrepositionKind.Other, ["entre"] = PrepositionKind.Other,

        // German ("an" and "in" are read with their article, below).
        ["nach"] = PrepositionKind.To, ["für"] = PrepositionKind.To, ["von"] = PrepositionKind.From,
        ["aus"] = PrepositionKind.From, ["bei"] = PrepositionKind.From, ["durch"] = PrepositionKind.By,
        ["mit"] = PrepositionKind.With, ["gegen"] = PrepositionKind.On, ["gegenüber"] = PrepositionKind.On,
        ["zwischen"] = PrepositionKind.Other, ["über"] = PrepositionKind.Other,

        // Spanish and Portuguese ("a" is also their article, and English's: it stays a skippable word).
        ["para"] = PrepositionKind.To, ["hacia"] = PrepositionKind.To, ["al"] = PrepositionKind.To,
        ["ao"] = PrepositionKind.To, ["aos"] = PrepositionKind.To, ["às"] = PrepositionKind.To,
        ["desde"] = PrepositionKind.From, ["por"] = PrepositionKind.By, ["pelo"] = PrepositionKind.By,
        ["pela"] = PrepositionKind.By, ["pelos"] = PrepositionKind.By, ["pelas"] = PrepositionKind.By,
        ["con"] = PrepositionKind.With, ["com"] = PrepositionKind.With, ["contra"] = PrepositionKind.On,
        ["sobre"] = PrepositionKind.On, ["em"] = PrepositionKind.Other,

        // Italian.
        ["alla"] = PrepositionKind.To, ["all'"] = PrepositionKind.To, ["agli"] = PrepositionKind.To,
        ["alle"] = PrepositionKind.To, ["per"] = PrepositionKind.To, ["verso"] = PrepositionKind.To,
        ["da"] = PrepositionKind.From, ["dal"] = PrepositionKind.From, ["dalla"] = PrepositionKind.From,
        ["dall'"] = PrepositionKind.From, ["dagli"] = PrepositionKind.From, ["dalle"] = PrepositionKind.From,
        ["contro"] = PrepositionKind.On, ["nel"] = PrepositionKind.Other, ["nella"] = PrepositionKind.Other,
        ["nell'"] = PrepositionKind.Other, ["tra"] = PrepositionKind.Other, ["fra"] = PrepositionKind.Other,

        // Polish ("do", "z", "na" are read with the mention's case, below).
        ["dla"] = PrepositionKind.To, ["od"] = PrepositionKind.From, ["przez"] = PrepositionKind.By,
        ["przeciwko"] = PrepositionKind.On, ["wobec"] = PrepositionKind.On, ["w"] = PrepositionKind.Other,
        ["we"] = PrepositionKind.Other,

        // Russian ("в", "на" are read with the mention's case, below): "закупит у России" buys from Russia.
        ["для"] = PrepositionKind.To, ["из"] = PrepositionKind.From, ["от"] = PrepositionKind.From,
        ["у"] = PrepositionKind.From, ["с"] = PrepositionKind.With, ["со"] = PrepositionKind.With,
        ["против"] = PrepositionKind.On, ["отношении"] = PrepositionKind.On, ["к"] = PrepositionKind.Other,
        ["через"] = PrepositionKind.Other, ["по"] = PrepositionKind.Other, ["при"] = PrepositionKind.Other,
        ["между"] = PrepositionKind.Other,

        // Arabic, as separate words (the glued لـ is read on the mention itself).
        ["إلى"] = PrepositionKind.To, ["الى"] = PrepositionKind.To, ["وإلى"] = PrepositionKind.To,
        ["والى"] = PrepositionKind.To, ["لصالح"] = PrepositionKind.To, ["لـ"] = PrepositionKind.To,
        ["من"] = PrepositionKind.From, ["ومن"] = PrepositionKind.From, ["مع"] = PrepositionKind.With,
        ["ومع"] = PrepositionKind.With, ["بواسطة"] = PrepositionKind.By, ["على"] = PrepositionKind.On,
        ["ضد"] = PrepositionKind.On, ["في"] = PrepositionKind.Other, ["عن"] = PrepositionKind.Other,
        ["بين"] = PrepositionKind.Other, ["لدى"] = PrepositionKind.Other,
    });

    // "of" and its kin: a head before them ("the Government of", "le gouvernement de") stands for the country,
    // so reading goes on past it; otherwise English "of" governs a possessor, while French, Spanish and
    // Portuguese "de" (and Italian "da") after a transfer term name where the goods come from.
    private static readonly Dictionary<string, PrepositionKind> OfWords = WithTypographicApostrophes(new Dictionary<string, PrepositionKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["of"] = PrepositionKind.Other,
        ["de"] = PrepositionKind.From, ["d'"] = PrepositionKind.From, ["du"] = PrepositionKind.From,
        ["des"] = PrepositionKind.From, ["dos"] = PrepositionKind.From,
        ["del"] = PrepositionKind.Other, ["di"] = PrepositionKind.Other, ["della"] = PrepositionKind.Other,
        ["dell'"] = PrepositionKind.Other, ["dello"] = PrepositionKind.Other, ["dei"] = PrepositionKind.Other,
        ["degli"] = PrepositionKind.Other, ["delle"] = PrepositionKind.Other,
    });

    // Words between a preposition and the country that do not change who the country is: determiners, and the
    // heads that precede a country in the genitive or an adjective ("для армии Индии", "dla armii Indii",
    // "لصالح القوات الجوية المصرية").
    private static readonly HashSet<string> Skippable = WithTypographicApostrophes(new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "their", "his", "her", "royal", "national", "federal", "islamic", "new", "key", "ally",
        "le", "la", "les", "l'", "un", "une", "sa", "ses", "leur", "leurs",
        "der", "die", "das", "den", "dem", "ein", "eine", "einen", "einem", "seine", "ihre", "Regierung", "Armee",
        "Streitkräfte", "Luftwaffe",
        "el", "los", "las", "una", "su", "sus", "il", "lo", "gli", "suo", "sua", "o", "os", "um", "uma", "seu", "seus",
        "suas",
        "armii", "rządu", "marynarki", "wojennej", "sił", "zbrojnych", "powietrznych", "lądowych", "ministerstwa",
        "obrony", "lotnictwa", "wojsk", "wojska",
        "армии", "армия", "армию", "флота", "ВМС", "ВВС", "ВКС", "правительства", "правительству", "правительством",
        "министерства", "министерству", "Минобороны", "вооружённых", "вооруженных", "сил", "силам", "войск",
        "الجيش", "جيش", "القوات", "قوات", "المسلحة", "الجوية", "البحرية", "الحكومة", "حكومة", "وزارة", "الدفاع",
        "سلاح", "الجو",
    });

    // Heads of "X of <country>" that stand for the country itself.
    private static readonly HashSet<string> GovernmentHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "government", "republic", "kingdom", "state", "states", "ministry", "navy", "army", "forces", "force",
        "military", "emirate", "sultanate", "people", "federation", "principality", "president", "king", "defence",
        "defense", "authorities",
        "gouvernement", "ministère", "ministre", "armée", "marine", "république", "royaume", "état", "président",
        "autorités", "défense", "air", "militaire",
        "gobierno", "ministerio", "ministro", "ejército", "armada", "república", "reino", "estado", "fuerzas",
        "fuerza", "presidente", "autoridades", "defensa", "aérea", "militar",
        "governo", "ministero", "esercito", "marina", "repubblica", "regno", "stato", "forze", "autorità", "difesa",
        "aeronautica", "militare", "ministério", "exército", "marinha", "forças", "defesa",
    };

    // Arabic names that begin with ل themselves: the letter is no preposition there.
    private static readonly string[] ArabicNamesWithLam =
        ["لبنان", "ليبي", "لاتفي", "ليتوان", "لوكسمبور", "ليسوتو", "لاوس", "ليختنشتاين", "لندن"];

    private static readonly string[] PolishGenitiveEndings = ["i", "y", "u", "a", "ec", "in", "ch", "er", "ów", "ej"];

    private static readonly string[] PolishInstrumentalEndings = ["ą", "em", "ami", "mi"];

    private static readonly HashSet<string> GermanArticles = new(StringComparer.OrdinalIgnoreCase) { "die", "den", "das", "dem", "der" };

    private static readonly Dictionary<string, PrepositionKind>.AlternateLookup<ReadOnlySpan<char>> PrepositionLookup =
        Prepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly Dictionary<string, PrepositionKind>.AlternateLookup<ReadOnlySpan<char>> OfLookup =
        OfWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SkippableLookup =
        Skippable.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadLookup =
        GovernmentHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GermanArticleLookup =
        GermanArticles.GetAlternateLookup<ReadOnlySpan<char>>();

    public static PrepositionKind Before(string text, int position, int floor)
    {
        var mention = WordAt(text, position);
        if (GluedArabicPreposition(mention) is { } glued)
        {
            return glued;
        }

        var kind = Governing(text, position, floor, mention);
        return kind == PrepositionKind.None && IsBareDative(mention) ? PrepositionKind.To : kind;
    }

    private static PrepositionKind Governing(string text, int position, int floor, ReadOnlySpan<char> mention)
    {
        var end = position;
        var pastHead = false;
        var skipped = ReadOnlySpan<char>.Empty;
        for (var words = 0; words < MaxWordsBack; words++)
        {
            var start = PreviousWord(text, end, floor);
            var word = text.AsSpan(start, WordEnd(text, end, floor) - start);
            if (word.IsEmpty)
            {
                // Sentence start or punctuation ("…, Russia", "(Russia"): nothing governs the mention.
                return PrepositionKind.None;
            }

            if (ReadWithCase(word, mention, skipped) is { } byCase)
            {
                return byCase;
            }

            if (PrepositionLookup.TryGetValue(word, out var kind))
            {
                return kind;
            }

            if (OfLookup.TryGetValue(word, out var of))
            {
                var headStart = PreviousWord(text, start, floor);
                var head = text.AsSpan(headStart, WordEnd(text, start, floor) - headStart);
                if (head.IsEmpty || !HeadLookup.Contains(head))
                {
                    // Past a head the chain is genitive: "le porte-parole du ministère de la Défense de l'Inde" names no origin.
                    return pastHead ? PrepositionKind.Other : of;
                }

                pastHead = true;
                end = headStart;
                continue;
            }

            if (!SkippableLookup.Contains(word))
            {
                return PrepositionKind.None;
            }

            skipped = word;
            end = start;
        }

        return PrepositionKind.None;
    }

    /// <summary>
    /// Prepositions whose meaning depends on the case of the mention or on the article after them; null when the
    /// word is none of them, or says nothing here (then it is read like any other word).
    /// </summary>
    private static PrepositionKind? ReadWithCase(ReadOnlySpan<char> word, ReadOnlySpan<char> mention, ReadOnlySpan<char> skipped)
    {
        if (word.Equals("do", StringComparison.OrdinalIgnoreCase))
        {
            // Polish "do Polski", "do Pakistanu": to. Portuguese "do Brasil" (of, from) and English "do" are left alone.
            return EndsWithAny(mention, PolishGenitiveEndings) ? PrepositionKind.To : null;
        }

        if (word.Equals("z", StringComparison.OrdinalIgnoreCase) || word.Equals("ze", StringComparison.OrdinalIgnoreCase))
        {
            return EndsWithAny(mention, PolishInstrumentalEndings) ? PrepositionKind.With : PrepositionKind.From;
        }

        if (word.Equals("na", StringComparison.OrdinalIgnoreCase))
        {
            // Polish accusative "na Ukrainę" (to) against locative "na Ukrainie"; Portuguese "na" is "in the".
            return mention.EndsWith("ę", StringComparison.OrdinalIgnoreCase) ? PrepositionKind.To : PrepositionKind.Other;
        }

        if (word.Equals("в", StringComparison.OrdinalIgnoreCase) || word.Equals("во", StringComparison.OrdinalIgnoreCase) ||
            word.Equals("на", StringComparison.OrdinalIgnoreCase))
        {
            return IsRussianAccusativeName(mention) ? PrepositionKind.To : PrepositionKind.Other;
        }

        if (word.Equals("an", StringComparison.OrdinalIgnoreCase))
        {
            // German "an die Ukraine", "an den Irak"; a bare "an" is English's article as often as German's "to".
            return GermanArticleLookup.Contains(skipped) ? PrepositionKind.To : null;
        }

        if (word.Equals("in", StringComparison.OrdinalIgnoreCase) && skipped.Equals("die", StringComparison.OrdinalIgnoreCase))
        {
            return PrepositionKind.To; // "in die Türkei": into; "in der Türkei" stays "in".
        }

        return null;
    }

    /// <summary>
    /// A name in the dative with no preposition before it, which receives as "to X" does: Russian "поставит
    /// Пакистану", "Китаю", "Соединённым Штатам" (also an accusative object, "вооружает Украину"); Polish
    /// "sprzeda Pakistanowi", "Niemcom". Feminine datives that are also genitives ("Индии", "Rosji") say nothing.
    /// </summary>
    private static bool IsBareDative(ReadOnlySpan<char> mention)
    {
        if (mention.Length < 4 || !char.IsUpper(mention[0]) || !ContainsLower(mention))
        {
            return false;
        }

        if (mention.EndsWith("owi", StringComparison.Ordinal) || mention.EndsWith("om", StringComparison.Ordinal))
        {
            return true;
        }

        // Indeclinable names that happen to end like a dative.
        if (mention.Equals("Перу", StringComparison.Ordinal) || mention.Equals("Баку", StringComparison.Ordinal))
        {
            return false;
        }

        return mention[^1] is 'у' or 'ю' || mention.EndsWith("ам", StringComparison.Ordinal) ||
               mention.EndsWith("ям", StringComparison.Ordinal) || mention.EndsWith("ым", StringComparison.Ordinal);
    }

    /// <summary>
    /// A Russian name in the accusative after "в"/"на" ("в Индию", "в Пакистан", "на Украину"), not in the
    /// prepositional ("в Индии", "в Пакистане"); adjectives ("в российских СМИ") and indeclinable abbreviations
    /// ("в США") say nothing.
    /// </summary>
    private static bool IsRussianAccusativeName(ReadOnlySpan<char> mention)
    {
        if (mention.IsEmpty || !char.IsUpper(mention[0]) || !ContainsLower(mention))
        {
            return false;
        }

        var last = char.ToLowerInvariant(mention[^1]);
        return last is not ('е' or 'и');
    }

    /// <summary>An Arabic preposition glued to the name: لـ/للـ (to), بالـ (in); after an optional و or ف (and).</summary>
    private static PrepositionKind? GluedArabicPreposition(ReadOnlySpan<char> mention)
    {
        if (mention.Length > 3 && mention[0] is 'و' or 'ف')
        {
            mention = mention[1..];
        }

        if (mention.Length < 3)
        {
            return null;
        }

        if (mention.StartsWith("لل", StringComparison.Ordinal))
        {
            return PrepositionKind.To;
        }

        if (mention.StartsWith("بال", StringComparison.Ordinal))
        {
            return PrepositionKind.Other;
        }

        if (mention[0] != 'ل')
        {
            return null;
        }

        foreach (var name in ArabicNamesWithLam)
        {
            if (mention.StartsWith(name, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return PrepositionKind.To;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> word, string[] endings)
    {
        if (word.Length < 3)
        {
            return false;
        }

        foreach (var ending in endings)
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsLower(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The word that starts at <paramref name="position"/> (letters and inner hyphens: "Шри-Ланку").</summary>
    private static ReadOnlySpan<char> WordAt(string text, int position)
    {
        var i = position;
        while (i < text.Length && (char.IsLetter(text[i]) || (text[i] == '-' && i > position)))
        {
            i++;
        }

        return text.AsSpan(position, i - position);
    }

    /// <summary>Where the word ending just before <paramref name="end"/> (past whitespace) starts; at its end when there is none.</summary>
    private static int PreviousWord(string text, int end, int floor)
    {
        var i = WordEnd(text, end, floor);
        while (i > floor && (char.IsLetter(text[i - 1]) || text[i - 1] is '\'' or '’' or '-'))
        {
            i--;
        }

        return i;
    }

    private static int WordEnd(string text, int end, int floor)
    {
        var i = end;
        while (i > floor && char.IsWhiteSpace(text[i - 1]))
        {
            i--;
        }

        return i;
    }

    /// <summary>Adds, for every key written with ', the same key with ’ ("l’Inde", "d’Allemagne").</summary>
    private static Dictionary<string, PrepositionKind> WithTypographicApostrophes(Dictionary<string, PrepositionKind> words)
    {
        foreach (var (word, kind) in words.Where(w => w.Key.Contains('\'', StringComparison.Ordinal)).ToList())
        {
            words[word.Replace('\'', '’')] = kind;
        }

        return words;
    }

    private static HashSet<string> WithTypographicApostrophes(HashSet<string> words)
    {
        foreach (var word in words.Where(w => w.Contains('\'', StringComparison.Ordinal)).ToList())
        {
            words.Add(word.Replace('\'', '’'));
        }

        return words;
    }
}
