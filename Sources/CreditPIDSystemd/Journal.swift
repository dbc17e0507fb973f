#if canImport(Glibc)
import Glibc
#endif
import CSystemd

/// Native journal entries through `sd_journal_sendv`.
public enum Journal {
    /// Sends one entry. Every `NAME=value` goes into one contiguous buffer first, so that the
    /// iovecs can point into memory that stays put for the duration of the call.
    public static func send(_ entry: JournalEntry) throws(SystemdError) {
        var buffer: [UInt8] = []
        var ranges: [Range<Int>] = []
        for field in entry.fields {
            let start = buffer.count
            buffer.append(contentsOf: field.name.utf8)
            buffer.append(UInt8(ascii: "="))
            buffer.append(contentsOf: field.value.utf8)
            ranges.append(start..<buffer.count)
        }
        let result = buffer.withUnsafeMutableBytes { bytes in
            let vectors = ranges.map { range in
                iovec(iov_base: bytes.baseAddress! + range.lowerBound, iov_len: range.count)
            }
            return vectors.withUnsafeBufferPointer { csystemd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
        try SystemdError.check(result, "sd_journal_sendv")
    }
}
