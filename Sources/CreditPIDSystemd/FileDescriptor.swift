#if canImport(Glibc)
import Glibc
#endif

/// Plain write(2) to a descriptor: `print` is block-buffered when stdout is not a terminal
/// (a line would reach the journal seconds late) and Glibc's `stderr` is off limits in Swift 6.
public enum FileDescriptor {
    /// Writes all of `text`, retrying short writes and EINTR; false if the descriptor failed.
    @discardableResult
    public static func write(_ text: String, to descriptor: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}
