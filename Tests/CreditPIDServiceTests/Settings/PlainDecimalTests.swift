// The core's seeded generator keeps the property test below the same on every run.
@testable import CreditPIDCore
@testable import CreditPIDSettings
import Testing

/// A share is written as a YAML 1.1 reader reads it back: positional digits only.
@Suite("Plain decimal")
struct PlainDecimalTests {
    @Test("the usual shares", arguments: [
        (35.0, "35"), (12.5, "12.5"), (0.25, "0.25"), (100, "100"), (0, "0"), (-0.0, "0"), (1, "1"),
        (0.1 + 0.2, "0.30000000000000004"), (99.99999999999999, "99.99999999999999"), (-2.5, "-2.5"),
    ])
    func usual(value: Double, text: String) {
        #expect(PlainDecimal.text(for: value) == text)
    }

    @Test("no exponent for tiny or large values", arguments: [
        (1e-7, "0.0000001"), (0.00001, "0.00001"), (1.5e-10, "0.00000000015"),
        (1e16, "10000000000000000"), (1.25e21, "1250000000000000000000"),
    ])
    func noExponent(value: Double, text: String) {
        #expect(PlainDecimal.text(for: value) == text)
    }

    @Test("the smallest subnormal is written out in full")
    func smallest() throws {
        let text = try #require(PlainDecimal.text(for: .leastNonzeroMagnitude))
        #expect(text == "0." + String(repeating: "0", count: 323) + "5")
        #expect(Double(text) == .leastNonzeroMagnitude)
    }

    @Test("infinity and NaN have no plain decimal")
    func notFinite() {
        #expect(PlainDecimal.text(for: .infinity) == nil)
        #expect(PlainDecimal.text(for: .nan) == nil)
    }

    @Test("every text reads back, as YAML 1.1, as exactly the same number")
    func readsBack() throws {
        var generator = SplitMix64(seed: 7)
        let shares = (0..<2_000).map { _ in Double(generator.next() % 10_000_001) / 100_000 }
            + (0..<500).map { _ in Double(bitPattern: generator.next() >> 12 | 0x3CB0_0000_0000_0000) }
        for share in shares {
            let text = try #require(PlainDecimal.text(for: share))
            #expect(!text.contains("e") && !text.contains("E"), "\(share): \(text)")
            #expect(!(text.hasPrefix("0") && text.count > 1 && !text.hasPrefix("0.")), "\(text)")
            #expect(!text.hasSuffix(".0") && !text.hasSuffix("."), "\(text)")
            #expect(YAML11Scalar(plain: text).number == share, "\(share): \(text)")
        }
    }
}
