namespace NewsWatch.Classification.Language;

/// <summary>
/// Guarantees the call budget whatever the feeds carry: every assessed article earns
/// <c>callsPerThousand</c>/1000 of a call, a call spends one, and nothing is spent on credit. So after N
/// articles at most <c>burst + callsPerThousand × N / 1000</c> calls have been made; the balance is capped
/// so a quiet spell does not bank a flood. Per instance (each instance counts its own articles), in
/// thousandths of a call so the arithmetic is exact.
/// </summary>
internal sealed class CallBudget
{
    private readonly Lock _lock = new();
    private readonly long _earnPerArticle;
    private readonly long _cap;
    private long _balance;

    public CallBudget(int callsPerThousand, int burst = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(callsPerThousand);
        ArgumentOutOfRangeException.ThrowIfNegative(burst);
        burst = callsPerThousand == 0 ? 0 : burst;
        _earnPerArticle = callsPerThousand;
        _balance = burst * 1000L;
        _cap = Math.Max(burst, callsPerThousand) * 1000L;
    }

    public void RecordArticle()
    {
        lock (_lock)
        {
            _balance = Math.Min(_cap, _balance + _earnPerArticle);
        }
    }

    /// <summary>Spends <paramref name="calls"/> when the balance covers them all; otherwise spends nothing.</summary>
    public bool TryTake(int calls)
    {
        lock (_lock)
        {
            var cost = calls * 1000L;
            if (_balance < cost)
            {
                return false;
            }

            _balance -= cost;
            return true;
        }
    }
}
