import Testing
import CreditPIDCore

private struct SharedSeedCase: Decodable {
    var now: String
    var current_spend, daily_spend_rate, rollout_perc, integral_before, dt_seconds: Double
    var percentage, integral_after: Double
    var components: [Double]

    /// `now` is the original's naive local time, `YYYY-MM-DDTHH:MM:SS`: only its date matters.
    var date: CivilDate {
        let parts = now.prefix(10).split(separator: "-").map { Int($0)! }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }
}

private struct ExplicitDtCase: Decodable {
    var date: String
    var current_spend, daily_spend_rate, rollout_perc, integral_before, dt_seconds: Double
    var percentage, integral_after: Double
    var components: [Double]

    var civil: CivilDate {
        let parts = date.split(separator: "-").map { Int($0)! }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }
}

private struct CaseFile<Case: Decodable>: Decodable {
    var cases: [Case]
}

@Suite("Seed controller")
struct SeedControllerTests {
    let controller = SeedController()

    /// The shared vector file's cases were produced by simple-pid reading its own clock: the
    /// dt its PID used was the few microseconds between the optimizer's creation and its call,
    /// not `dt_seconds`. So the dt is recovered from each case whose integral moved freely, it
    /// must look like such a clock reading (0 < dt < 1 ms), and every case is replayed with it;
    /// where the integral was clamped or the PID not called, 10 µs stands in (any dt in that
    /// range gives the same answer there, which the second replay checks).
    @Test("reproduces every case of seed-controller.json within 1e-9")
    func sharedVectors() throws {
        let file = try Fixtures.decode(CaseFile<SharedSeedCase>.self, from: "seed-controller.json")
        #expect(file.cases.count == 400)
        var recovered = 0
        for (index, item) in file.cases.enumerated() {
            let probe = controller.decide(input(item, dt: 1e-5))
            let error = probe.components.proportional / 2.0
            var dt = 1e-5
            if !probe.stoppedAtTarget, abs(item.integral_after) < 40, error != 0 {
                dt = (item.integral_after - item.integral_before) / (0.15 * error)
                #expect(dt > 0 && dt < 1e-3, "case \(index): recovered dt \(dt) is no clock reading")
                recovered += 1
            }
            let output = controller.decide(input(item, dt: dt))
            expect(output, matches: item, label: "case \(index) (\(item.now))")
            if dt == 1e-5 {
                expect(controller.decide(input(item, dt: 1e-4)), matches: item, label: "case \(index), dt 0.1 ms")
            }
        }
        #expect(recovered > 300)
    }

    @Test("matches simple-pid 1.0 itself with the time step passed explicitly, December included")
    func explicitTimeStep() throws {
        let file = try Fixtures.decode(CaseFile<ExplicitDtCase>.self, from: "seed-explicit-dt.json")
        #expect(file.cases.count == 300)
        #expect(file.cases.contains { $0.date.contains("-12-") })
        for (index, item) in file.cases.enumerated() {
            let output = controller.decide(SeedController.Input(
                date: item.civil, currentSpend: item.current_spend, dailySpendRate: item.daily_spend_rate,
                rolloutPercent: item.rollout_perc, integral: item.integral_before, dt: item.dt_seconds))
            #expect(abs(output.percentage - item.percentage) <= 1e-9, "case \(index): percentage")
            #expect(abs(output.integral - item.integral_after) <= 1e-9, "case \(index): integral")
            #expect(abs(output.components.proportional - item.components[0]) <= 1e-9, "case \(index): P")
            #expect(abs(output.components.derivative - item.components[2]) <= 1e-9, "case \(index): D")
        }
    }

    @Test("December 31 has a day left no more, and nothing crashes on month 12")
    func december() {
        let late = controller.decide(.init(date: CivilDate(year: 2026, month: 12, day: 31), currentSpend: 300_000,
                                           dailySpendRate: 10_000, rolloutPercent: 35, integral: 0, dt: 2))
        #expect(late.idealSpend == 0)
        #expect(late.basePercent == 50)
        let mid = controller.decide(.init(date: CivilDate(year: 2026, month: 12, day: 15), currentSpend: 200_000,
                                          dailySpendRate: 10_000, rolloutPercent: 35, integral: 0, dt: 2))
        #expect(abs(mid.idealSpend - 490_000.0 * 15 / 31) < 1e-6)
    }

    @Test("at 98% of the credits the share is 0 and the integral is kept as it was")
    func stopsAtTarget() {
        let output = controller.decide(.init(date: CivilDate(year: 2026, month: 5, day: 9), currentSpend: 490_000,
                                             dailySpendRate: 0, rolloutPercent: 80, integral: 41.5, dt: 2))
        #expect(output.percentage == 0)
        #expect(output.integral == 41.5)
        #expect(output.stoppedAtTarget)
    }

    private func input(_ item: SharedSeedCase, dt: Double) -> SeedController.Input {
        SeedController.Input(date: item.date, currentSpend: item.current_spend,
                             dailySpendRate: item.daily_spend_rate, rolloutPercent: item.rollout_perc,
                             integral: item.integral_before, dt: dt)
    }

    private func expect(_ output: SeedController.Output, matches item: SharedSeedCase, label: String) {
        #expect(abs(output.percentage - item.percentage) <= 1e-9, "\(label): percentage \(output.percentage)")
        #expect(abs(output.integral - item.integral_after) <= 1e-9, "\(label): integral \(output.integral)")
        #expect(abs(output.components.proportional - item.components[0]) <= 1e-9, "\(label): P")
        #expect(abs(output.components.integral - item.components[1]) <= 1e-9, "\(label): I")
        #expect(abs(output.components.derivative - item.components[2]) <= 1e-9, "\(label): D")
    }
}
