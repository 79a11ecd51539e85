namespace NewsWatch.Classification;

/// <summary>
/// Decides supplier and recipient from the best evidence sentence, in order of how directly the text says it:
/// <list type="number">
/// <item>prepositions after a transfer term: "to/for X" receives, "from X" supplies, "by X" is the agent of
/// the verb, "on X" is an embargo's target;</item>
/// <item>the subject of a directed verb: the subject of sell/deliver/offer supplies, of buy/order/receive receives;</item>
/// <item>a "with X" counterpart of a deal whose subject is the other side ("India signed a contract with France");</item>
/// <item>fallbacks: a maker's country, a supplier the term implies (Foreign Military Sale), the origin of a
/// named system; for the recipient, the remaining country in the sentence, then in the article.</item>
/// </list>
/// Supplier and recipient are never the same party; makers are never recipients, nor are intergovernmental bodies.
/// </summary>
internal static class PartyRoleResolver
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
        var preps = ReadPrepositions(text, range, mentions);
        var roles = new Assignment();

        // 1. Prepositions that follow a transfer term.
        var embargo = false;
        foreach (var transfer in transfers)
        {
            embargo |= transfer.Item.IsEmbargo;
        }

        for (var i = 0; i < mentions.Length; i++)
        {
            var term = LastTransferBefore(transfers, mentions[i].Start);
            if (term is null)
            {
                continue;
            }

            var mention = mentions[i];
            var span = Quote(text, mention);
            switch (preps[i])
            {
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

        // 2. Subjects of directed verbs.
        foreach (var transfer in transfers)
        {
            if (transfer.Item.Direction == TransferDirection.None || SubjectOf(mentions, preps, transfer.Start) is not { } subject)
            {
                continue;
            }

            var mention = mentions[subject];
            if (transfer.Item.Direction == TransferDirection.Supply)
            {
                roles.TrySupplier(mention.Item.Name, Quote(text, mention));
            }
            else
            {
                roles.TryRecipient(mention.Item, Quote(text, mention));
            }
        }

        // 3. "X … with Y": the subject and its counterpart.
        if (roles.Supplier is null || roles.Recipient is null)
        {
            AssignCounterparts(scan, text, mentions, preps, transfers, roles);
        }

        // 4. Fallbacks.
        if (roles.Supplier is null)
        {
            FallBackSupplier(scan, text, mentions, transfers, roles);
        }

        if (roles.Recipient is null)
        {
            FallBackRecipient(scan, text, mentions, preps, roles);
        }

        return new PartyRoles(roles.Supplier, roles.SupplierEvidence, roles.Recipient, roles.RecipientEvidence);
    }

    private static PrepositionKind[] ReadPrepositions(string text, TextRange range, ReadOnlySpan<Hit<PartyRef>> mentions)
    {
        var preps = new PrepositionKind[mentions.Length];
        for (var i = 0; i < mentions.Length; i++)
        {
            preps[i] = PrepositionReader.Before(text, mentions[i].Start, range.Start);

            // "to Poland, Romania and Bulgaria": a coordinated mention shares its neighbour's preposition.
            if (i > 0 && IsCoordination(text.AsSpan(mentions[i - 1].End, Math.Max(0, mentions[i].Start - mentions[i - 1].End))))
            {
                preps[i] = preps[i - 1];
            }
        }

        return preps;
    }

    private static bool IsCoordination(ReadOnlySpan<char> gap)
    {
        var trimmed = gap.Trim();
        return trimmed is "," or "and" or "or" or "&" or ", and" or ", or" or "/";
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
    private static int? SubjectOf(ReadOnlySpan<Hit<PartyRef>> mentions, PrepositionKind[] preps, int verbStart)
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
        string text,
        ReadOnlySpan<Hit<PartyRef>> mentions,
        PrepositionKind[] preps,
        ReadOnlySpan<Hit<TransferTerm>> transfers,
        Assignment roles)
    {
        int? with = null;
        for (var i = 0; i < mentions.Length; i++)
        {
            if (preps[i] == PrepositionKind.With)
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
                roles.TryRecipient(counterpart.Item, Quote(text, counterpart));
            }
            else if (roles.Recipient is not null)
            {
                roles.TrySupplier(counterpart.Item.Name, Quote(text, counterpart));
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
            roles.TrySupplier(supplier.Item.Name, Quote(text, supplier));
            roles.TryRecipient(recipient.Item, Quote(text, recipient));
        }
        else if (roles.Supplier is null)
        {
            var other = roles.Recipient == subjectMention.Item.Name ? counterpart : subjectMention;
            roles.TrySupplier(other.Item.Name, Quote(text, other));
        }
        else
        {
            var other = roles.Supplier == subjectMention.Item.Name ? counterpart : subjectMention;
            roles.TryRecipient(other.Item, Quote(text, other));
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
        string text,
        ReadOnlySpan<Hit<PartyRef>> mentions,
        ReadOnlySpan<Hit<TransferTerm>> transfers,
        Assignment roles)
    {
        foreach (var mention in mentions)
        {
            if (mention.Item.Kind is PartyKind.Maker && roles.TrySupplier(mention.Item.Name, Quote(text, mention)))
            {
                return;
            }
        }

        foreach (var transfer in transfers)
        {
            if (transfer.Item.ImpliedSupplier is { } implied && roles.TrySupplier(implied, Quote(text, transfer)))
            {
                return;
            }
        }

        foreach (var transfer in scan.Transfers)
        {
            if (transfer.Item.ImpliedSupplier is { } implied && roles.TrySupplier(implied, Quote(text, transfer)))
            {
                return;
            }
        }

        var range = scan.Article.Sentences[scan.BestSentence];
        foreach (var weapon in ArticleScan.In(scan.Weapons, range))
        {
            if (weapon.Item.Origin is { } origin && roles.TrySupplier(origin, Quote(text, weapon)))
            {
                return;
            }
        }

        foreach (var weapon in scan.Weapons)
        {
            if (weapon.Item.Origin is { } origin && roles.TrySupplier(origin, Quote(text, weapon)))
            {
                return;
            }
        }

        foreach (var mention in scan.Parties)
        {
            if (mention.Item.Kind is PartyKind.Maker && roles.TrySupplier(mention.Item.Name, Quote(text, mention)))
            {
                return;
            }
        }
    }

    private static void FallBackRecipient(
        ArticleScan scan,
        string text,
        ReadOnlySpan<Hit<PartyRef>> mentions,
        PrepositionKind[] preps,
        Assignment roles)
    {
        for (var i = 0; i < mentions.Length; i++)
        {
            if (preps[i] is not (PrepositionKind.From or PrepositionKind.Other) &&
                mentions[i].Item.Kind is PartyKind.Country or PartyKind.Agency &&
                roles.TryRecipient(mentions[i].Item, Quote(text, mentions[i])))
            {
                return;
            }
        }

        foreach (var mention in scan.Parties)
        {
            if (mention.Item.Kind is PartyKind.Country && roles.TryRecipient(mention.Item, Quote(text, mention)))
            {
                return;
            }
        }
    }

    private static string Quote<T>(string text, Hit<T> hit) => text.Substring(hit.Start, hit.Length);

    /// <summary>The roles found so far; the first claim on a role stands.</summary>
    private sealed class Assignment
    {
        public string? Supplier { get; private set; }

        public string? SupplierEvidence { get; private set; }

        public string? Recipient { get; private set; }

        public string? RecipientEvidence { get; private set; }

        public bool TrySupplier(string name, string evidence)
        {
            if (Supplier is not null || string.Equals(name, Recipient, StringComparison.Ordinal))
            {
                return false;
            }

            Supplier = name;
            SupplierEvidence = evidence;
            return true;
        }

        public bool TryRecipient(PartyRef party, string evidence)
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
