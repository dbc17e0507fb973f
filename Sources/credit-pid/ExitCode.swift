import CreditPIDSystemd

/// Exit statuses from sysexits(3), so that scripts and systemd can tell a bad
/// command line from bad data, a bad configuration or a failed service.
enum ExitCode {
    static let ok: Int32 = 0
    static let usage: Int32 = 64        // EX_USAGE
    static let dataError: Int32 = 65    // EX_DATAERR
    static let noInput: Int32 = 66      // EX_NOINPUT
    static let software: Int32 = 70     // EX_SOFTWARE
    static let ioError: Int32 = 74      // EX_IOERR
    static let tempFail: Int32 = 75     // EX_TEMPFAIL
    static let config: Int32 = 78       // EX_CONFIG
}

/// Writes one message to standard error, unbuffered: errors must not wait behind `print`'s
/// buffer (see `FileDescriptor`).
func writeError(_ message: String) {
    FileDescriptor.write(message.hasSuffix("\n") ? message : message + "\n", to: 2)
}
