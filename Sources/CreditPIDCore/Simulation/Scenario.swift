import FoundationEssentials

/// One budget period of hourly CI demand (`credit-pid-scenario/1`), read from JSON and
/// checked: every problem names the field and what is wrong with it.
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String
    public var periodStart: Date
    public var periodEnd: Date
    public var start: Date
    public var stepSeconds: Double
    public var totalCredits: Double
    public var spentBeforeStart: Double
    public var initialPercentage: Double
    public var billingLagHours: Int
    public var demandPerHour: [Double]

    public static let format = "credit-pid-scenario/1"

    public var period: BudgetPeriod { BudgetPeriod(containing: periodStart) }

    /// `min(credits, spent before + all demand)`: what routing everything could spend.
    public var attainable: Double {
        min(totalCredits, spentBeforeStart + demandPerHour.reduce(0, +))
    }

    /// A scenario made in code (the generated families); not checked.
    public init(name: String, description: String, periodStart: Date, periodEnd: Date, start: Date,
                stepSeconds: Double, totalCredits: Double, spentBeforeStart: Double,
                initialPercentage: Double, billingLagHours: Int, demandPerHour: [Double]) {
        self.name = name
        self.description = description
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.start = start
        self.stepSeconds = stepSeconds
        self.totalCredits = totalCredits
        self.spentBeforeStart = spentBeforeStart
        self.initialPercentage = initialPercentage
        self.billingLagHours = billingLagHours
        self.demandPerHour = demandPerHour
    }

    public init(json: [UInt8], source: String) throws {
        let raw: Raw
        do {
            raw = try JSONDecoder().decode(Raw.self, from: Data(json))
        } catch let error as DecodingError {
            throw ScenarioError(source: source, problem: Self.describe(error))
        } catch {
            throw ScenarioError(source: source, problem: "not JSON: \(error)")
        }
        try self.init(raw: raw, source: source)
    }

    private init(raw: Raw, source: String) throws {
        func fail(_ problem: String) -> ScenarioError { ScenarioError(source: source, problem: problem) }
        func time(_ field: String, _ text: String) throws -> Date {
            guard let date = UTCTimestamp.parse(text) else {
                throw fail("Failed to parse '\(field)' value '\(text)': expected YYYY-MM-DDTHH:MM:SSZ")
            }
            return date
        }
        guard raw.format == Self.format else {
            throw fail("'format' is '\(raw.format)', expected '\(Self.format)'")
        }
        name = raw.name
        description = raw.description ?? ""
        periodStart = try time("period_start", raw.period_start)
        periodEnd = try time("period_end", raw.period_end)
        start = try time("start", raw.start)
        stepSeconds = raw.step_seconds
        totalCredits = raw.total_credits
        spentBeforeStart = raw.spent_before_start
        initialPercentage = raw.initial_percentage
        billingLagHours = raw.billing_lag_hours
        demandPerHour = raw.demand_per_hour

        let period = BudgetPeriod(containing: periodStart)
        guard period.start == periodStart, period.end == periodEnd else {
            throw fail("'period_start' and 'period_end' must be the bounds of one UTC calendar month")
        }
        guard stepSeconds == 3600 else { throw fail("'step_seconds' is \(stepSeconds), only 3600 is supported") }
        guard start >= periodStart, start < periodEnd,
              start.timeIntervalSince(periodStart).truncatingRemainder(dividingBy: 3600) == 0 else {
            throw fail("'start' must be on an hour inside the period")
        }
        let hours = Int(periodEnd.timeIntervalSince(start) / 3600)
        guard demandPerHour.count == hours else {
            throw fail("'demand_per_hour' has \(demandPerHour.count) values, expected \(hours) (one per hour from 'start' to 'period_end')")
        }
        if let bad = demandPerHour.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            throw fail("'demand_per_hour'[\(bad)] is \(demandPerHour[bad]), expected a finite number >= 0")
        }
        guard totalCredits.isFinite, totalCredits > 0 else { throw fail("'total_credits' must be > 0") }
        guard spentBeforeStart.isFinite, spentBeforeStart >= 0 else { throw fail("'spent_before_start' must be >= 0") }
        guard start > periodStart || spentBeforeStart == 0 else {
            throw fail("'spent_before_start' must be 0 when 'start' is the period's start")
        }
        guard (0...100).contains(initialPercentage) else { throw fail("'initial_percentage' must be within 0-100") }
        guard (0...24 * 31).contains(billingLagHours) else { throw fail("'billing_lag_hours' must be within 0-744") }
    }

    private struct Raw: Decodable {
        var format: String
        var name: String
        var description: String?
        var period_start, period_end, start: String
        var step_seconds, total_credits, spent_before_start, initial_percentage: Double
        var billing_lag_hours: Int
        var demand_per_hour: [Double]
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context): return "field '\(path(context))' has the wrong type"
        case .valueNotFound(_, let context): return "field '\(path(context))' is null"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "field '\(path(context))' is invalid"
        @unknown default: return "not a scenario"
        }
    }
}

public struct ScenarioError: Error, CustomStringConvertible, Equatable {
    public var source: String
    public var problem: String
    public var description: String { "Failed to load scenario '\(source)': \(problem)" }
}
