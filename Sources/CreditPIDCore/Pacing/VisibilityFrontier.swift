import FoundationEssentials

/// Finds the latest billed hour by asking the spend source, not by assuming a lag: billing
/// arrives in batches, so the lag changes through the day. The spend of `[now - j h, now)`
/// grows with `j` and is 0 while the window holds only unbilled hours; a binary search finds
/// the first `j` where it is not, in about log2(searchHours) queries.
///
/// Billing moves little between cycles, so the search starts from the previous cycle's lag:
/// when the lag is unchanged two queries settle it.
///
/// An hour that cost nothing (a share of 0, an outage) looks unbilled. That errs safely: the
/// controller then counts it as spend to come at the share that was in force, which is 0 for
/// a share of 0.
enum VisibilityFrontier {
    /// The latest hour (UTC hour index) with visible spend in `[notBefore, before)`, or nil.
    static func latestBilledHour(before now: Date, notBefore earliest: Date, searchHours: Int,
                                 previousLag: Int? = nil, spend: any SpendSource) throws -> Int? {
        let nowHour = UTCHours.index(now)
        let reach = min(searchHours, nowHour - UTCHours.index(earliest))
        guard reach > 0 else { return nil }
        func spendOfLast(_ hours: Int) throws -> Double {
            try spend.spend(from: UTCHours.date(nowHour - hours), to: now)
        }
        var empty = 0          // the last `empty` hours hold no visible spend
        var nonEmpty = reach   // the last `nonEmpty` hours do
        if let previousLag, previousLag >= 0, previousLag < reach {
            // Bracket around the previous answer, widening by doubling.
            if try spendOfLast(previousLag + 1) > 0 {
                nonEmpty = previousLag + 1
                var step = 1
                while nonEmpty - step > 0, try spendOfLast(nonEmpty - step) > 0 {
                    nonEmpty -= step
                    step *= 2
                }
                empty = max(0, nonEmpty - step)
            } else {
                empty = previousLag + 1
                var step = 1
                while true {
                    let probe = min(reach, empty + step)
                    if try spendOfLast(probe) > 0 { nonEmpty = probe; break }
                    guard probe < reach else { return nil }
                    empty = probe
                    step *= 2
                }
            }
        } else {
            guard try spendOfLast(reach) > 0 else { return nil }
        }
        while nonEmpty - empty > 1 {
            let middle = (empty + nonEmpty) / 2
            if try spendOfLast(middle) > 0 { nonEmpty = middle } else { empty = middle }
        }
        return nowHour - nonEmpty
    }
}
