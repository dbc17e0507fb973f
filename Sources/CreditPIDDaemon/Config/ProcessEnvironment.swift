#if canImport(Glibc)
import Glibc
#endif

/// The process's environment as a dictionary, read from `environ` (FoundationEssentials has
/// no ProcessInfo.environment). Read it once and pass it on: the loader takes it as a value.
public enum ProcessEnvironment {
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }
}
