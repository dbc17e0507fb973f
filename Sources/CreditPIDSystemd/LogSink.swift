#if canImport(Glibc)
import Glibc
#endif

/// Where log entries go, chosen once at start-up: libsystemd's `sd_journal_sendv` reports
/// success even when no journald listens, so the choice cannot be made by trying.
public enum LogSink: Sendable, Equatable {
    /// Native journal entries, with fields (MESSAGE_ID, CODE_*, CREDIT_PID_*).
    case journal
    /// stderr is connected to journald: lines carry a `<N>` priority prefix, fields are lost.
    case journalStream
    /// Run by hand: plain lines on stderr, "warning: …".
    case console

    public static let journalSocketPath = "/run/systemd/journal/socket"

    /// The journal only when stderr is the stream systemd set up for this process
    /// (`$JOURNAL_STREAM` names its device and inode): someone who runs the daemon in a
    /// terminal on a systemd machine wants to read the lines there, not in the journal.
    public static func detect(
        environment: [String: String],
        errorDescriptor: Int32 = 2,
        journalSocket: String = journalSocketPath
    ) -> LogSink {
        guard let stream = environment["JOURNAL_STREAM"],
              isDescriptor(errorDescriptor, stream: stream)
        else {
            return .console
        }
        return access(journalSocket, F_OK) == 0 ? .journal : .journalStream
    }

    /// `JOURNAL_STREAM=DEV:INODE`, both decimal, as systemd writes it.
    static func isDescriptor(_ descriptor: Int32, stream: String) -> Bool {
        let parts = stream.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else {
            return false
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }
}
