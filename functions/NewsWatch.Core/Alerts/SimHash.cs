using System.Numerics;
using System.Text;

namespace NewsWatch.Alerts;

/// <summary>
/// A 64-bit SimHash (Charikar) over words and word pairs: near-identical texts (one wire story in ten outlets, a
/// headline with a word changed) get hashes a few bits apart, unrelated texts about 32. Headlines are short, so single
/// words count too: with pairs alone one changed word moves too large a share of the features.
/// </summary>
public static class SimHash
{
    /// <summary>At most this many differing bits counts as the same text.</summary>
    public const int SameTextDistance = 10;

    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        if (words.Count == 0)
        {
            return 0;
        }

        Span<int> weights = stackalloc int[64];
        for (var i = 0; i < words.Count; i++)
        {
            Add(weights, Mix(Fnv(words[i])));
            if (i + 1 < words.Count)
            {
                Add(weights, Mix(Fnv(words[i] + " " + words[i + 1])));
            }
        }

        ulong result = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                result |= 1UL << bit;
            }
        }

        return result;
    }

    private static void Add(Span<int> weights, ulong hash)
    {
        for (var bit = 0; bit < 64; bit++)
        {
            weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
        }
    }

    // FNV-1a, then SplitMix64's finaliser so every output bit depends on every input bit (SimHash needs even bits).
    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
        return z ^ (z >> 31);
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
