import Testing
import Foundation
import CreditPIDCore

@Suite("Period arithmetic")
struct PeriodTests {
    /// Foundation's parser, not UTCTimestamp: that one counts days with the same CivilDate as
    /// BudgetPeriod, so a calendar mistake there would agree with itself here.
    private func utc(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    @Test("civil dates round-trip through days since the epoch for four centuries")
    func civilRoundTrip() {
        var previous: CivilDate?
        for days in stride(from: -146_097, through: 146_097 * 2, by: 1) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            if let previous { #expect(previous < date) }
            previous = date
            if days % 9_973 != 0 { continue }
            #expect((1...12).contains(date.month) && (1...date.daysInMonth).contains(date.day))
        }
        #expect(CivilDate(daysSinceEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilDate(year: 2026, month: 12, day: 3).weekday == 3)   // a Thursday
        #expect(CivilDate(year: 2027, month: 1, day: 31).weekday == 6)   // a Sunday
    }

    @Test("month lengths: 28, 29, 30 and 31 days, leap years by the Gregorian rule",
          arguments: [(2026, 2, 28), (2024, 2, 29), (2000, 2, 29), (2100, 2, 28), (2026, 4, 30),
                      (2026, 12, 31), (2027, 1, 31)])
    func monthLengths(year: Int, month: Int, days: Int) {
        let period = BudgetPeriod(year: year, month: month)
        #expect(period.days == days)
        #expect(period.duration == Double(days) * 86_400)
        #expect(period.end.timeIntervalSince(period.start) == period.duration)
    }

    @Test("December rolls into January of the next year")
    func decemberToJanuary() {
        let december = BudgetPeriod(containing: utc("2026-12-31T23:59:59Z"))
        #expect(december == BudgetPeriod(year: 2026, month: 12))
        #expect(december.end == utc("2027-01-01T00:00:00Z"))
        #expect(december.next == BudgetPeriod(year: 2027, month: 1))
        #expect(BudgetPeriod(containing: utc("2027-01-01T00:00:00Z")) == december.next)
        #expect(december.description == "2026-12")
    }

    @Test("leap February: the 29th exists and March starts after it")
    func leapFebruary() {
        let february = BudgetPeriod(year: 2028, month: 2)
        #expect(february.contains(utc("2028-02-29T12:00:00Z")))
        #expect(february.end == utc("2028-03-01T00:00:00Z"))
    }

    @Test("elapsed time is fractional: the current day counts only as far as it has gone")
    func fractionalElapsed() {
        let period = BudgetPeriod(year: 2026, month: 12)
        #expect(period.elapsedFraction(at: utc("2026-12-01T00:00:00Z")) == 0)
        #expect(abs(period.elapsedFraction(at: utc("2026-12-01T12:00:00Z")) - 0.5 / 31) < 1e-12)
        #expect(period.elapsedFraction(at: utc("2027-02-01T00:00:00Z")) == 1)
    }

    @Test("the last hour of a month: an hour remains, and the rate needed is what is left per hour")
    func lastHour() {
        let period = BudgetPeriod(year: 2026, month: 11)
        let trajectory = Trajectory(period: period, credits: 500_000)
        let now = utc("2026-11-30T23:00:00Z")
        #expect(period.remaining(at: now) == 3600)
        #expect(abs(trajectory.idealSpend(at: now) - 500_000 * (1 - 1.0 / 720)) < 1e-6)
        #expect(trajectory.rateNeeded(at: now, spent: 499_000) == 1_000)
        #expect(trajectory.rateNeeded(at: period.end, spent: 100) == 0)
        #expect(trajectory.remainingCredits(spent: 600_000) == 0)
    }

    @Test("a line that starts mid-month runs from the spend then to all of the credits")
    func midMonthLine() {
        let period = BudgetPeriod(year: 2026, month: 8)
        let start = utc("2026-08-12T00:00:00Z")
        let trajectory = Trajectory(period: period, credits: 500_000, lineStart: start, spentAtLineStart: 138_551.59)
        #expect(trajectory.idealSpend(at: start) == 138_551.59)
        #expect(trajectory.idealSpend(at: period.end) == 500_000)
        #expect(trajectory.trackingError(at: start, spent: 188_551.59) == 0.1)
    }
}
