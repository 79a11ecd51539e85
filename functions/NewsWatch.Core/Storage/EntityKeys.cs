using System.Security.Cryptography;
using System.Text;

namespace NewsWatch.Storage;

/// <summary>
/// Table keys derived from free text (URLs, emails). Table keys forbid '/', '\', '#' and '?',
/// and URLs are full of them, so keys are a stable hash of the text.
/// </summary>
public static class EntityKeys
{
    public static string Hash(string text)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest[..16]);
    }

    /// <summary>Whether a table would take <paramref name="key"/> as a partition or row key: text from outside is checked before it is used as one.</summary>
    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
}
