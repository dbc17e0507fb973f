import FoundationEssentials

/// Finds the latest billed hour by asking the spend source, not by assuming a lag: billing
/// arrives in batches, so the lag changes through the day. The spend of `[now - j h, now)`
/// grows with `j` and is 0 while the window holds only unbilled hours; a binary search finds
/// the first `j` where it is not, in about log2(searchHours) queries.
///
/// An hour that cost nothing (a share of 0, an outage) looks unbilled. That errs safely: the
/// controller then counts it as spend to come at the share that was in force, which is 0 for
/// a share of 0.
enum VisibilityFrontier {
    /// The latest hour (UTC hour index) with visible spend in `[notBefore, before)`, or nil.
    static func latestBilledHour(before now: Date, notBefore earliest: Date, searchHours: Int,
                                 spend: any SpendSource) throws -> Int? {
        let nowHour = UTCHours.index(now)
        let reach = min(searchHours, nowHour - UTCHours.index(earliest))
        guard reach > 0 else { return nil }
        func spendOfLast(_ hours: Int) throws -> Double {
            try spend.spend(from: UTCHours.date(nowHour - hours), to: now)
        }
        guard try spendOfLast(reach) > 0 else { return nil }
        var empty = 0          // the last `empty` hours hold no visible spend
        var nonEmpty = reach   // the last `nonEmpty` hours do
        while nonEmpty - empty > 1 {
            let middle = (empty + nonEmpty) / 2
            if try spendOfLast(middle) > 0 { nonEmpty = middle } else { empty = middle }
        }
        return nowHour - nonEmpty
    }
}
