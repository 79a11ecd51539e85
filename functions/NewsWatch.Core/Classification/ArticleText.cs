namespace NewsWatch.Classification;

/// <summary>
/// An article's title and text as one string (title, blank line, text), split into sentences. Matching runs
/// once over the whole string; sentence boundaries then say which matches stand together.
/// </summary>
internal sealed class ArticleText
{
    // Articles past this length are cut: the deal is in the lead, and the cost of a scan grows with length.
    internal const int MaxLength = 40_000;

    private readonly List<TextRange> _sentences;

    private ArticleText(string full, int titleLength, int bodyStart, List<TextRange> sentences)
    {
        Full = full;
        TitleLength = titleLength;
        BodyStart = bodyStart;
        _sentences = sentences;
    }

    public string Full { get; }

    /// <summary>Length of the title at the start of <see cref="Full"/>; 0 when there is none.</summary>
    public int TitleLength { get; }

    /// <summary>Where the text after the title starts in <see cref="Full"/>.</summary>
    public int BodyStart { get; }

    public IReadOnlyList<TextRange> Sentences => _sentences;

    public static ArticleText Create(string? title, string? text)
    {
        title = title?.Trim() ?? string.Empty;
        text = text?.Trim() ?? string.Empty;
        var full = title.Length == 0 ? text : text.Length == 0 ? title : title + "\n\n" + text;
        if (full.Length > MaxLength)
        {
            full = full[..MaxLength];
        }

        var sentences = new List<TextRange>();
        SentenceSplitter.Split(full, 0, Math.Min(title.Length, full.Length), sentences, isTitle: true);
        var bodyStart = title.Length == 0 ? 0 : Math.Min(title.Length + 2, full.Length);
        SentenceSplitter.Split(full, bodyStart, full.Length - bodyStart, sentences, isTitle: false);
        return new ArticleText(full, Math.Min(title.Length, full.Length), bodyStart, sentences);
    }

    public bool IsTitle(int sentence) => _sentences[sentence].Start < TitleLength;

    /// <summary>The index of the sentence that contains <paramref name="position"/>, or -1 (between sentences).</summary>
    public int SentenceAt(int position)
    {
        int low = 0, high = _sentences.Count - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var range = _sentences[mid];
            if (position < range.Start)
            {
                high = mid - 1;
            }
            else if (position >= range.End)
            {
                low = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    public string SentenceText(int sentence)
    {
        var range = _sentences[sentence];
        return Full.Substring(range.Start, range.Length);
    }
}
