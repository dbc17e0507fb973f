#if canImport(Glibc)
import Glibc
#endif

/// A libsystemd call that returned a negative errno.
public struct SystemdError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The libsystemd function, e.g. `sd_notify`.
    public let function: String
    public let errno: Int32

    /// The one funnel from libsystemd's return convention to a thrown error: returns `result`
    /// when it is not negative.
    @discardableResult
    static func check(_ result: Int32, _ function: String) throws(SystemdError) -> Int32 {
        guard result < 0 else { return result }
        throw SystemdError(function: function, errno: -result)
    }

    public var description: String {
        "\(function) failed: \(String(cString: strerror(errno)))"
    }
}
