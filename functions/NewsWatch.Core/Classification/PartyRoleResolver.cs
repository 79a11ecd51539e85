using System.Text.RegularExpressions;

namespace NewsWatch.Classification;

/// <summary>
/// Decides supplier and recipient from the best evidence sentence, in order of how directly the text says it:
/// <list type="number">
/// <item>a party named inside a buying term ("the Government of Japan has requested to buy") buys;</item>
/// <item>prepositions after a transfer term: "to/for X" receives (but a contract awarded to X makes X the
/// contractor), "from X" supplies, "by X" is the agent of the verb, "on X" is an embargo's target;</item>
/// <item>a demonym or code before a weapon says where the weapon comes from ("French warships", "an Iranian
/// arms shipment", "U.S. arms"), unless the weapon is known to come from elsewhere ("Saudi F-15s" are Saudi-owned);
/// a possessive before a weapon names its owner ("Israel's first two F-35s"), the recipient;</item>
/// <item>the subject of a directed verb: the subject of sell/deliver/offer supplies, of buy/order/receive receives
/// (not of a noun: "Japan achieved a milestone with the delivery of its first F-35" delivers nothing);</item>
/// <item>a "with X" counterpart of a deal whose subject is the other side ("India signed a contract with France"),
/// when "with" follows the deal closely ("tensions with Russia" is no counterpart);</item>
/// <item>fallbacks: a maker's country, a supplier the term implies (Foreign Military Sale), the authority
/// behind an embargo, the subject of a sentence whose recipient is given ("Spain cancelled the sale of bombs to
/// Saudi Arabia"), the origin of a named system; for the recipient, the remaining country in the sentence,
/// then in the article.</item>
/// </list>
/// Supplier and recipient are never the same party; makers are never recipients, nor are intergovernmental bodies.
/// </summary>
internal static partial class PartyRoleResolver
{
    public static PartyRoles Resolve(ArticleScan scan)
    {
        if (scan.BestSentence < 0)
        {
            return PartyRoles.None;
        }

        var text = scan.Article.Full;
        var range = scan.Article.Sentences[scan.BestSentence];
        var mentions = ArticleScan.In(scan.Parties, range);
        var transfers = ArticleScan.In(scan.Transfers, range);

        // One preposition per mention in the sentence: a few, so on the stack unless the sentence is a list.
        var preps = mentions.Length <= MaxStackMentions ? stackalloc PrepositionKind[MaxStackMentions] : new PrepositionKind[mentions.Length];
        preps = preps[..mentions.Length];
        ReadPrepositions(text, range, mentions, preps);
        var roles = new Assignment();

        // 0. A party named inside a buying term.
        foreach (var transfer in transfers)
        {
            if (transfer.Item.Direction != TransferDirection.Acquire)
            {
                continue;
            }

            foreach (var mention in mentions)
            {
                if (mention.Start >= transfer.Start && mention.End <= transfer.End)
                {
                    roles.TryRecipient(mention.Item, RangeOf(mention));
                }
            }
        }

        // 1. Where the weapons come from, and whose they are.
        AssignOriginsAndOwners(scan, text, range, mentions, ref roles);

        // 2. Prepositions that follow a transfer term.
        var embargo = false;
        foreach (var transfer in transfers)
        {
            embargo |= transfer.Item.IsEmbargo;
        }

        for (var i = 0; i < mentions.Length; i++)
        {
            var mention = mentions[i];
            if (preps[i] == PrepositionKind.By && SupplyVerbRightAfter(text, transfers, mention.End))
            {
                // "a plan by South Korea to sell trainer jets to Uzbekistan": the agent of the sale.
                roles.TrySupplier(mention.Item.Name, RangeOf(mention));
                continue;
            }

            var term = LastTransferBefore(transfers, mentions[i].Start);
            if (term is null)
            {
                continue;
            }

            var span = RangeOf(mention);
            switch (preps[i])
            {
                case PrepositionKind.To when IsAward(text, range, mention.Start):
                    roles.TrySupplier(mention.Item.Name, span);
                    break;
                case PrepositionKind.To when term.Direction == TransferDirection.Acquire && IsDative(text, range, mention):
                    // "L'Égypte achète des Rafale à la France", "compra cazas a Francia": one buys from X.
                    roles.TrySupplier(mention.Item.Name, span);
                    break;
                case PrepositionKind.To:
                    roles.TryRecipient(mention.Item, span);
                    break;
                case PrepositionKind.From:
                    roles.TrySupplier(mention.Item.Name, span);
                    break;
                case PrepositionKind.By when term.Direction == TransferDirection.Supply:
                    roles.TrySupplier(mention.Item.Name, span);
                    break;
                case PrepositionKind.By:
                    roles.TryRecipient(mention.Item, span);
                    break;
                case PrepositionKind.On when embargo:
                    roles.TryRecipient(mention.Item, span);
                    break;
                default:
                    break;
            }
        }

        // 3. Subjects of directed verbs.
        foreach (var transfer in transfers)
        {
            if (transfer.Item.Direction == TransferDirection.None || IsNounUse(text, range, transfer.Start) ||
                SubjectOf(mentions, preps, transfer.Start) is not { } subject)
            {
                continue;
            }

            var mention = mentions[subject];
            if (transfer.Item.Direction == TransferDirection.Supply)
            {
                roles.TrySupplier(mention.Item.Name, RangeOf(mention));
            }
            else
            {
                roles.TryRecipient(mention.Item, RangeOf(mention));
            }
        }

        // 4. "X … with Y": the subject and its counterpart.
        if (roles.Supplier is null || roles.Recipient is null)
        {
            AssignCounterparts(scan, mentions, preps, transfers, ref roles);
        }

        // 5. Fallbacks.
        if (roles.Supplier is null)
        {
            FallBackSupplier(scan, mentions, preps, transfers, ref roles);
        }

        if (roles.Recipient is null)
        {
            FallBackRecipient(scan, mentions, preps, ref roles);
        }

        return new PartyRoles(roles.Supplier, Text(text, roles.SupplierEvidence), roles.Recipient, Text(text, roles.RecipientEvidence));
    }

    private static void ReadPrepositions(string text, TextRange range, ReadOnlySpan<Hit<PartyRef>> mentions, Span<PrepositionKind> preps)
    {
        for (var i = 0; i < mentions.Length; i++)
        {
            preps[i] = PrepositionReader.Before(text, mentions[i].Start, range.Start);

            // "to Poland, Romania and Bulgaria": a coordinated mention shares its neighbour's preposition.
            if (i > 0 && IsCoordination(text.AsSpan(mentions[i - 1].End, Math.Max(0, mentions[i].Start - mentions[i - 1].End))))
            {
                preps[i] = preps[i - 1];
            }
        }
    }

    private static bool IsCoordination(ReadOnlySpan<char> gap)
    {
        var trimmed = gap.Trim().TrimStart(',').TrimStart();
        // "and"/"or" in the languages the lexicons read: et/ou, und/oder, y/o, e/o, i/lub, и/или.
        return trimmed is "" or "and" or "or" or "&" or "/" or "et" or "ou" or "und" or "oder" or "y" or "o" or "e" or "i" or "lub" or "и" or "или";
    }

    private static TransferTerm? LastTransferBefore(ReadOnlySpan<Hit<TransferTerm>> transfers, int position)
    {
        TransferTerm? last = null;
        foreach (var transfer in transfers)
        {
            if (transfer.Start >= position)
            {
                break;
            }

            last = transfer.Item;
        }

        return last;
    }

    /// <summary>The last mention before the verb that no preposition governs: its subject, near enough for news prose.</summary>
    private static int? SubjectOf(ReadOnlySpan<Hit<PartyRef>> mentions, ReadOnlySpan<PrepositionKind> preps, int verbStart)
    {
        int? subject = null;
        for (var i = 0; i < mentions.Length && mentions[i].End <= verbStart; i++)
        {
            if (preps[i] == PrepositionKind.None)
            {
                subject = i;
            }
        }

        return subject;
    }

    private static void AssignCounterparts(
        ArticleScan scan,
        ReadOnlySpan<Hit<PartyRef>> mentions,
        ReadOnlySpan<PrepositionKind> preps,
        ReadOnlySpan<Hit<TransferTerm>> transfers,
        ref Assignment roles)
    {
        int? with = null;
        for (var i = 0; i < mentions.Length; i++)
        {
            if (preps[i] == PrepositionKind.With && FollowsTransferClosely(transfers, mentions[i].Start))
            {
                with = i;
                break;
            }
        }

        if (with is not { } w)
        {
            return;
        }

        var firstVerb = transfers.IsEmpty ? int.MaxValue : transfers[0].Start;
        var subject = SubjectOf(mentions, preps, Math.Max(firstVerb, mentions[w].Start));
        var counterpart = mentions[w];
        if (subject is not { } s || mentions[s].Item.Name == counterpart.Item.Name)
        {
            if (roles.Supplier is not null)
            {
                roles.TryRecipient(counterpart.Item, RangeOf(counterpart));
            }
            else if (roles.Recipient is not null)
            {
                roles.TrySupplier(counterpart.Item.Name, RangeOf(counterpart));
            }

            return;
        }

        var subjectMention = mentions[s];
        if (roles.Supplier is null && roles.Recipient is null)
        {
            // Makers and the makers' countries supply; otherwise the buyer is usually the subject:
            // "India signed a contract with France", "Poland is in talks with Korea".
            var subjectSupplies = IsSupplierLike(scan, subjectMention.Item) && !IsSupplierLike(scan, counterpart.Item);
            var (supplier, recipient) = subjectSupplies ? (subjectMention, counterpart) : (counterpart, subjectMention);
            roles.TrySupplier(supplier.Item.Name, RangeOf(supplier));
            roles.TryRecipient(recipient.Item, RangeOf(recipient));
        }
        else if (roles.Supplier is null)
        {
            var other = roles.Recipient == subjectMention.Item.Name ? counterpart : subjectMention;
            roles.TrySupplier(other.Item.Name, RangeOf(other));
        }
        else
        {
            var other = roles.Supplier == subjectMention.Item.Name ? counterpart : subjectMention;
            roles.TryRecipient(other.Item, RangeOf(other));
        }
    }

    private static bool IsSupplierLike(ArticleScan scan, PartyRef party)
    {
        if (party.Kind == PartyKind.Maker)
        {
            return true;
        }

        foreach (var weapon in scan.Weapons)
        {
            if (weapon.Item.Origin == party.Name)
            {
                return true;
            }
        }

        return false;
    }

    private static void FallBackSupplier(
        ArticleScan scan,
        ReadOnlySpan<Hit<PartyRef>> mentions,
        ReadOnlySpan<PrepositionKind> preps,
        ReadOnlySpan<Hit<TransferTerm>> transfers,
        ref Assignment roles)
    {
        foreach (var mention in mentions)
        {
            if (mention.Item.Kind is PartyKind.Maker && roles.TrySupplier(mention.Item.Name, RangeOf(mention)))
            {
                return;
            }
        }

        foreach (var transfer in transfers)
        {
            if (transfer.Item.ImpliedSupplier is { } implied && roles.TrySupplier(implied, RangeOf(transfer)))
            {
                return;
            }
        }

        foreach (var transfer in scan.Transfers)
        {
            if (transfer.Item.ImpliedSupplier is { } implied && roles.TrySupplier(implied, RangeOf(transfer)))
            {
                return;
            }
        }

        // The authority behind an embargo is its supplier side: "the UN Security Council arms embargo on Iran",
        // "the EU lifted its embargo". UN arms embargoes are Security Council decisions.
        foreach (var transfer in transfers)
        {
            if (transfer.Item.IsEmbargo && SubjectOf(mentions, preps, transfer.Start) is { } authority &&
                mentions[authority].Item.Kind is PartyKind.Country or PartyKind.Intergovernmental)
            {
                var name = mentions[authority].Item.Name == UnitedNations ? UnSecurityCouncil : mentions[authority].Item.Name;
                if (roles.TrySupplier(name, RangeOf(mentions[authority])))
                {
                    return;
                }
            }
        }

        // With the recipient given, the sentence's subject is the other side: "Spain cancelled the sale of
        // 400 bombs to Saudi Arabia", "Chile's court convicts two generals of illegal weapons sales to Croatia".
        if (roles.Recipient is not null && !transfers.IsEmpty &&
            SubjectOf(mentions, preps, transfers[0].Start) is { } subject &&
            mentions[subject].Item.Kind is PartyKind.Country or PartyKind.Agency &&
            roles.TrySupplier(mentions[subject].Item.Name, RangeOf(mentions[subject])))
        {
            return;
        }

        var range = scan.Article.Sentences[scan.BestSentence];
        foreach (var weapon in ArticleScan.In(scan.Weapons, range))
        {
            if (weapon.Item.Origin is { } origin && roles.TrySupplier(origin, RangeOf(weapon)))
            {
                return;
            }
        }

        foreach (var weapon in scan.Weapons)
        {
            if (weapon.Item.Origin is { } origin && roles.TrySupplier(origin, RangeOf(weapon)))
            {
                return;
            }
        }

        foreach (var mention in scan.Parties)
        {
            if (mention.Item.Kind is PartyKind.Maker && roles.TrySupplier(mention.Item.Name, RangeOf(mention)))
            {
                return;
            }
        }
    }

    private static void FallBackRecipient(
        ArticleScan scan,
        ReadOnlySpan<Hit<PartyRef>> mentions,
        ReadOnlySpan<PrepositionKind> preps,
        ref Assignment roles)
    {
        for (var i = 0; i < mentions.Length; i++)
        {
            if (preps[i] is not (PrepositionKind.From or PrepositionKind.Other) &&
                mentions[i].Item.Kind is PartyKind.Country or PartyKind.Agency &&
                roles.TryRecipient(mentions[i].Item, RangeOf(mentions[i])))
            {
                return;
            }
        }

        foreach (var mention in scan.Parties)
        {
            if (mention.Item.Kind is PartyKind.Country && roles.TryRecipient(mention.Item, RangeOf(mention)))
            {
                return;
            }
        }
    }

    // Evidence stays a range until the roles are settled: most candidates are turned down, and only the two
    // that stand become strings.
    private static TextRange RangeOf<T>(Hit<T> hit) => new(hit.Start, hit.Length);

    private static string? Text(string text, TextRange? evidence) =>
        evidence is { } span ? text.Substring(span.Start, span.Length) : null;

    private const string UnitedNations = "United Nations";

    private const string UnSecurityCouncil = "UN Security Council";

    /// <summary>How far (in characters) "with X" may follow a deal word and still name its counterpart: "a contract worth $3.6 billion with".</summary>
    private const int MaxWithDistance = 48;

    /// <summary>How far back "awarded … contract to X" may start: the award names the contractor.</summary>
    private const int MaxAwardDistance = 60;

    /// <summary>How far a supplying verb may follow "by X" and still have X as its agent: " to sell".</summary>
    private const int MaxAgentGap = 8;

    /// <summary>Mentions in one sentence beyond which their prepositions go on the heap: only in long lists of countries.</summary>
    private const int MaxStackMentions = 32;

    private static bool FollowsTransferClosely(ReadOnlySpan<Hit<TransferTerm>> transfers, int position)
    {
        foreach (var transfer in transfers)
        {
            if (transfer.End <= position && position - transfer.End <= MaxWithDistance)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>French, Spanish and Portuguese "à/au/aux/a/al/ao": "to" after giving, "from" after buying.</summary>
    private static bool IsDative(string text, TextRange range, Hit<PartyRef> mention)
    {
        var before = text.AsSpan(range.Start, mention.Start - range.Start).TrimEnd();
        var word = LastWord(before);
        if (word is "la" or "le" or "les" or "l'" or "l’" or "el" or "los" or "las" or "o" or "os")
        {
            before = before[..^word.Length].TrimEnd();
            word = LastWord(before);
        }

        // A bare "a" before a demonym or code is English's article ("to a Saudi firm"), not Spanish's "a Francia".
        return word is "à" or "au" or "aux" or "al" or "ao" or "aos" || (word is "a" && !mention.Item.IsAdjective);

        static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> text)
        {
            var start = text.Length;
            while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
            {
                start--;
            }

            return text[start..];
        }
    }

    private static bool IsAward(string text, TextRange range, int position)
    {
        var from = Math.Max(range.Start, position - MaxAwardDistance);
        return text.AsSpan(from, position - from).Contains("award", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when the transfer word is used as a noun after a determiner ("with the delivery of", "an order for"):
    /// then the sentence's subject is not its agent.
    /// </summary>
    private static bool IsNounUse(string text, TextRange range, int position)
    {
        var before = text.AsSpan(range.Start, position - range.Start).TrimEnd();
        var space = before.LastIndexOfAny(' ', '\n', '\t');
        var word = before[(space + 1)..];
        return word.Equals("the", StringComparison.OrdinalIgnoreCase) || word.Equals("a", StringComparison.OrdinalIgnoreCase) ||
            word.Equals("an", StringComparison.OrdinalIgnoreCase) || word.Equals("its", StringComparison.OrdinalIgnoreCase) ||
            word.Equals("their", StringComparison.OrdinalIgnoreCase) || word.Equals("first", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A demonym or code right before a weapon (one word may come between: "French Mistral-class warships",
    /// "Spanish-designed warships", "a North Korean ship carrying weapons") names the weapon's origin, so the
    /// supplier; not when the weapon is known to be made elsewhere ("Saudi F-15s" are the buyer's), and not
    /// right after to/for/with ("deliveries to Polish tank units"). A possessive right before a weapon names
    /// its owner: "Israel's first two F-35 aircraft were delivered".
    /// </summary>
    private static void AssignOriginsAndOwners(
        ArticleScan scan,
        string text,
        TextRange range,
        ReadOnlySpan<Hit<PartyRef>> mentions,
        ref Assignment roles)
    {
        var weapons = ArticleScan.In(scan.Weapons, range);
        foreach (var mention in mentions)
        {
            var possessive = PossessiveLength(text, mention.End);
            if (!mention.Item.IsAdjective && possessive < 0)
            {
                continue;
            }

            foreach (var weapon in weapons)
            {
                if (weapon.Start < mention.End)
                {
                    continue;
                }

                if (possessive >= 0)
                {
                    if (OwnerGap().IsMatch(text.AsSpan(mention.End + possessive, weapon.Start - mention.End - possessive)))
                    {
                        roles.TryRecipient(mention.Item, RangeOf(mention));
                    }
                }
                else if (IsModifierGap(text.AsSpan(mention.End, weapon.Start - mention.End)) &&
                    (weapon.Item.Origin is null || weapon.Item.Origin == mention.Item.Name) &&
                    !ReceivingWordBefore(text, range, mention.Start))
                {
                    roles.TrySupplier(mention.Item.Name, RangeOf(mention));
                }

                break;
            }
        }
    }

    private static bool ReceivingWordBefore(string text, TextRange range, int position)
    {
        var before = text.AsSpan(range.Start, position - range.Start).TrimEnd();
        var word = before[(before.LastIndexOf(' ') + 1)..];
        if (word.Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            before = before[..^3].TrimEnd();
            word = before[(before.LastIndexOf(' ') + 1)..];
        }

        return word.Equals("to", StringComparison.OrdinalIgnoreCase) || word.Equals("for", StringComparison.OrdinalIgnoreCase) ||
            word.Equals("with", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a supplying verb follows closely ("by South Korea to sell").</summary>
    private static bool SupplyVerbRightAfter(string text, ReadOnlySpan<Hit<TransferTerm>> transfers, int position)
    {
        foreach (var transfer in transfers)
        {
            if (transfer.Start >= position)
            {
                return transfer.Item.Direction == TransferDirection.Supply && transfer.Start - position <= MaxAgentGap &&
                    text.AsSpan(position, transfer.Start - position).Trim() is "to" or "" or "will" or "would";
            }
        }

        return false;
    }

    /// <summary>The length of the "'s " or "’ " that starts at <paramref name="position"/>, or -1 when there is none.</summary>
    private static int PossessiveLength(string text, int position)
    {
        // On a span, which needs no Match object; the pattern has no lookbehind, so the text before is not needed.
        foreach (var match in Possessive().EnumerateMatches(text.AsSpan(position)))
        {
            return match.Index == 0 ? match.Length : -1;
        }

        return -1;
    }

    [GeneratedRegex(@"\G['’]s?\s")]
    private static partial Regex Possessive();

    // Between an owner's "'s" and the weapon: nothing, or a count ("first two", "36 new").
    [GeneratedRegex(@"^(?:(?:first|new|last|\d+|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+){0,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex OwnerGap();

    // A carrier between an origin and its cargo: "a North Korean ship carrying weapons".
    [GeneratedRegex(@"^\s+(?:ship|vessel|boat|dhow|plane|aircraft|truck|convoy|shipment|consignment|cargo)\s+(?:carrying|loaded\s+with|laden\s+with|full\s+of)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex CarrierGap();

    /// <summary>What may stand between an origin word and its weapon: nothing, "-made"/"-built"/"-designed", or one word.</summary>
    private static bool IsModifierGap(ReadOnlySpan<char> gap)
    {
        if (CarrierGap().IsMatch(gap))
        {
            return true;
        }

        var words = 0;
        foreach (var part in gap.Split(' '))
        {
            var word = gap[part];
            if (word.IsEmpty || (word[0] == '-' && words == 0 && part.Start.Value == 0))
            {
                continue; // "-made", "-designed": attached to the origin word
            }

            if (++words > 1)
            {
                return false;
            }

            foreach (var c in word)
            {
                if (!char.IsLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The roles found so far; the first claim on a role stands. A struct, passed by reference: one per article.</summary>
    private struct Assignment
    {
        public string? Supplier { get; private set; }

        public TextRange? SupplierEvidence { get; private set; }

        public string? Recipient { get; private set; }

        public TextRange? RecipientEvidence { get; private set; }

        public bool TrySupplier(string name, TextRange evidence)
        {
            if (Supplier is not null || string.Equals(name, Recipient, StringComparison.Ordinal))
            {
                return false;
            }

            Supplier = name;
            SupplierEvidence = evidence;
            return true;
        }

        public bool TryRecipient(PartyRef party, TextRange evidence)
        {
            if (Recipient is not null || party.Kind is PartyKind.Maker or PartyKind.Intergovernmental ||
                string.Equals(party.Name, Supplier, StringComparison.Ordinal))
            {
                return false;
            }

            Recipient = party.Name;
            RecipientEvidence = evidence;
            return true;
        }
    }
}
