/// The shares that were in force, as a step function of time: what each billed hour's cost
/// must be divided by to learn that hour's demand, and what each unbilled hour will cost.
/// The daemon's scenario plant prices its hours by the same history.
package struct ShareHistory: Sendable, Equatable, Codable {
    struct Change: Sendable, Equatable, Codable {
        /// Seconds since 1970 from which `share` was in force.
        var since: Double
        var share: Double
    }

    private(set) var changes: [Change]

    /// A history that starts at `start` with `share` in force.
    package init(start: Double, share: Double) {
        changes = [Change(since: start, share: share)]
    }

    var current: Double { changes[changes.count - 1].share }

    /// Records that `share` is in force from `time` on. Times must not go backwards; a
    /// change recorded for an earlier time replaces what came after it.
    package mutating func record(_ share: Double, since time: Double) {
        while changes.count > 1, changes[changes.count - 1].since >= time {
            changes.removeLast()
        }
        if changes.count == 1, changes[0].since >= time {
            changes[0] = Change(since: min(changes[0].since, time), share: share)
            return
        }
        if current != share { changes.append(Change(since: time, share: share)) }
    }

    func share(at time: Double) -> Double {
        changes[indexInForce(at: time)].share
    }

    /// Calls `body` with each whole hour in `[firstHour, endHour)` (UTC hour indices) and its
    /// time-weighted mean share, in one pass over the history.
    func forEachHour(from firstHour: Int, to endHour: Int, _ body: (_ hour: Int, _ share: Double) -> Void) {
        guard endHour > firstHour else { return }
        var index = indexInForce(at: Double(firstHour) * 3600)
        for hour in firstHour..<endHour {
            let start = Double(hour) * 3600
            let end = start + 3600
            while index + 1 < changes.count, changes[index + 1].since <= start { index += 1 }
            // Most hours hold one share; only an hour with a change inside needs the mean.
            if index + 1 >= changes.count || changes[index + 1].since >= end {
                body(hour, changes[index].share)
            } else {
                body(hour, meanShare(from: start, to: end))
            }
        }
    }

    /// The time-weighted mean share over `[start, end)`, in percent.
    package func meanShare(from start: Double, to end: Double) -> Double {
        guard end > start else { return share(at: start) }
        var index = indexInForce(at: start)
        var total = 0.0
        var cursor = start
        while cursor < end {
            let next = index + 1 < changes.count ? min(end, changes[index + 1].since) : end
            total += changes[index].share * (next - cursor)
            cursor = next
            index += 1
        }
        return total / (end - start)
    }

    /// The last change at or before `time` (the first one for earlier times).
    private func indexInForce(at time: Double) -> Int {
        var low = 0
        var high = changes.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if changes[middle].since <= time { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
