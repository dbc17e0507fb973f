@testable import CreditPIDSettings
import Testing

/// Plain scalars resolve as PyYAML 6's resolver and constructors resolve them. The table was
/// checked against `yaml.safe_load`, and so was the resolver on 178,000 random scalars (no
/// difference); neither check is part of this suite, which must not need PyYAML.
@Suite("YAML 1.1 scalars")
struct YAML11ScalarTests {
    @Test("ints", arguments: [
        ("0", 0.0), ("-0", 0), ("35", 35), ("+35", 35), ("-35", -35), ("010", 8), ("0_10", 8), ("00", 0),
        ("0x1F", 31), ("-0x10", -16), ("0b1_01", 5), ("1_000", 1000), ("1:30", 90), ("-1:0:0", -3600),
    ])
    func ints(text: String, value: Double) {
        #expect(YAML11Scalar(plain: text) == .int(value))
    }

    @Test("floats", arguments: [
        ("12.5", 12.5), ("1.", 1), ("-1.5", -1.5), (".5", 0.5), ("1.0e-05", 0.00001), ("1.5E+3", 1500),
        ("1_0.5", 10.5), ("1:30.5", 90.5), ("0.25", 0.25),
    ])
    func floats(text: String, value: Double) {
        #expect(YAML11Scalar(plain: text) == .float(value))
    }

    @Test("strings that look like numbers", arguments: [
        "09", "4e-05", "1e5", "+.5", "._5", "1.5e3", "0x", "1 000", "35%", "٣٥", "0o17", "1,5", "-",
    ])
    func strings(text: String) {
        #expect(YAML11Scalar(plain: text) == .string)
    }

    @Test("other types", arguments: [
        ("yes", YAML11Scalar.bool), ("Off", .bool), ("TRUE", .bool), ("~", .null), ("null", .null),
        ("", .null), ("NULL", .null), ("2024-01-31", .timestamp), ("2024-1-5 10:00:00", .timestamp),
        ("2024-02-29", .timestamp), ("2024-1-5t1:02:03.25 +23:59", .timestamp), ("2024-1-5 1:02:03Z", .timestamp),
        ("0b_", .unconstructible(type: "int")), ("2023-02-29", .unconstructible(type: "timestamp")),
        ("0000-01-01", .unconstructible(type: "timestamp")), ("2024-1-5 10:60:00", .unconstructible(type: "timestamp")),
        ("2024-1-5 10:00:00 -24", .unconstructible(type: "timestamp")), ("=", .unconstructible(type: "value")),
    ])
    func others(text: String, kind: YAML11Scalar) {
        #expect(YAML11Scalar(plain: text) == kind)
    }

    @Test("infinity and NaN are floats")
    func special() {
        #expect(YAML11Scalar(plain: ".inf") == .float(.infinity))
        #expect(YAML11Scalar(plain: "-.Inf") == .float(-.infinity))
        #expect(YAML11Scalar(plain: ".NaN").number?.isNaN == true)
        #expect(YAML11Scalar(plain: "2024-1-5") == .string)
    }
}
