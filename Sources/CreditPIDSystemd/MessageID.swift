/// A journal MESSAGE_ID: a fixed 128-bit id naming a kind of event, so that
/// `journalctl MESSAGE_ID=…` finds every reload or every cycle decision whatever the text says.
public struct MessageID: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// 32 lowercase hexadecimal digits, the form journald expects.
    public let hex: String

    /// Nil unless `hex` is 32 hexadecimal digits.
    public init?(_ hex: String) {
        let lowered = hex.lowercased()
        guard lowered.utf8.count == 32, lowered.utf8.allSatisfy(MessageID.isHexDigit) else {
            return nil
        }
        self.hex = lowered
    }

    public var description: String { hex }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
