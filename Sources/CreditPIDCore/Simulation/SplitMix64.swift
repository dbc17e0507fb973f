#if canImport(Glibc)
import Glibc
#endif

/// A small, fast, seedable generator (SplitMix64), so that generated months are the same on
/// every machine and every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    mutating func int(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// Box-Muller.
    mutating func normal(mean: Double, deviation: Double) -> Double {
        let u = max(unit(), 1e-300)
        let v = unit()
        return mean + deviation * (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
