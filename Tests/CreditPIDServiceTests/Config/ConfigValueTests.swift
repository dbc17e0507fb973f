@testable import CreditPIDDaemon
import Testing

@Suite struct ConfigValueTests {
    @Test(arguments: [("yes", true), ("On", true), ("1", true), ("true", true),
                      ("no", false), ("OFF", false), ("0", false), ("false", false)])
    func booleans(_ text: String, _ value: Bool) throws {
        #expect(try ConfigValue.bool(text) == value)
    }

    @Test func notABoolean() {
        #expect(throws: ConfigValue.Invalid.self) { try ConfigValue.bool("maybe") }
    }

    @Test(arguments: [("3600", 3600.0), ("1h", 3600), ("30min", 1800), ("1h 30min", 5400), ("1h30m", 5400),
                      ("500ms", 0.5), ("2d", 172_800), ("1.5h", 5400), ("6 hours", 21_600), ("1w", 604_800)])
    func timeSpans(_ text: String, _ seconds: Double) throws {
        #expect(try ConfigValue.timeSpan(text) == seconds)
    }

    @Test(arguments: ["", "h", "1 fortnight", "-5", "0", "1h x", "1e3"])
    func notTimeSpans(_ text: String) {
        #expect(throws: ConfigValue.Invalid.self) { try ConfigValue.timeSpan(text) }
    }

    @Test(arguments: [(3600.0, "1h"), (5400, "1h 30min"), (20, "20s"), (0.5, "500ms"), (90_000, "1d 1h")])
    func timeSpansPrintAsSystemdWrites(_ seconds: Double, _ text: String) {
        #expect(TimeSpan.format(seconds) == text)
    }

    @Test func urls() throws {
        #expect(try ConfigValue.url("https://api.ternary.app/").absoluteString == "https://api.ternary.app")
        #expect(try ConfigValue.url("http://127.0.0.1:8080").port == 8080)
        for bad in ["api.ternary.app", "ftp://x", "https://", "not a url"] {
            #expect(throws: ConfigValue.Invalid.self) { try ConfigValue.url(bad) }
        }
    }

    @Test func numbersAreFiniteAndInRange() throws {
        #expect(try ConfigValue.number("2.5", in: 0...10, "") == 2.5)
        for bad in ["nan", "inf", "11", "-1", "x", ""] {
            #expect(throws: ConfigValue.Invalid.self) { try ConfigValue.number(bad, in: 0...10, "") }
        }
    }

    @Test func repositories() throws {
        #expect(try ConfigValue.repository("pytorch/test-infra") == "pytorch/test-infra")
        for bad in ["pytorch", "a/b/c", "/x", "a b/c"] {
            #expect(throws: ConfigValue.Invalid.self) { try ConfigValue.repository(bad) }
        }
    }

    @Test func numbersPrintWithoutNeedlessFractions() {
        #expect(ConfigValue.format(500_000) == "500000")
        #expect(ConfigValue.format(0.15) == "0.15")
    }
}
