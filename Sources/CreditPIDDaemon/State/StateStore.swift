#if canImport(Glibc)
import Glibc
#endif
import CreditPIDCore
import FoundationEssentials

/// A durable JSON file holding one `Codable` value across restarts (the controller's state).
/// A file the store cannot use is never fatal and never overwritten: it is moved aside as
/// `NAME.corrupt-YYYYMMDDTHHMMSSZ` for a person to look at, and the caller starts fresh, so a
/// bad file cannot turn into a crash loop.
///
/// Dates inside the value are stored as seconds since 1970 (a JSON number), which keeps them
/// exact to the sub-second.
public struct StateStore<Value: Codable>: Sendable {
    public static var format: String { "credit-pid-state/1" }

    public let path: String

    public init(directory: String, fileName: String = "state.json") {
        path = directory.hasSuffix("/") ? directory + fileName : directory + "/" + fileName
    }

    public enum Loaded {
        /// No file yet: the first start.
        case fresh
        case restored(Value)
        /// The file was unusable for `reason` and now lives at `movedTo`.
        case movedAside(reason: String, movedTo: String)
    }

    /// Throws only when an unusable file cannot even be moved aside (then a later save would
    /// fail as well, and the caller should say so rather than run without memory).
    public func load(now: Date) throws(PosixFile.Failure) -> Loaded {
        let bytes: [UInt8]
        do {
            bytes = try PosixFile.read(path)
        } catch where error.errno == ENOENT {
            return .fresh
        } catch {
            return try moveAside(reason: "cannot read it: \(error.reason)", now: now)
        }
        switch decode(bytes) {
        case .success(let value): return .restored(value)
        case .failure(let problem): return try moveAside(reason: problem.reason, now: now)
        }
    }

    /// Reads the file without ever moving it, for a reader beside the daemon (`status`): a
    /// file the store cannot use throws `Unusable` instead, and stays where it is.
    public func peek() throws -> Loaded {
        let bytes: [UInt8]
        do {
            bytes = try PosixFile.read(path)
        } catch where error.errno == ENOENT {
            return .fresh
        }
        return .restored(try decode(bytes).get())
    }

    public func save(_ value: Value, now: Date) throws -> Void {
        let envelope = StateEnvelope(format: StateStore.format, savedAt: UTCTimestamp.format(now), state: value)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        var bytes = [UInt8](try encoder.encode(envelope))
        bytes.append(UInt8(ascii: "\n"))
        try PosixFile.writeDurably(bytes, to: path, mode: 0o600)
    }

    /// Why a file cannot be used, in words for a log line.
    public struct Unusable: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    private func decode(_ bytes: [UInt8]) -> Result<Value, Unusable> {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        let data = Data(bytes)
        guard let tag = try? decoder.decode(StateFormatTag.self, from: data) else {
            return .failure(Unusable(reason: "not a credit-pid state file (no JSON object with a \"format\")"))
        }
        guard tag.format == StateStore.format else {
            return .failure(Unusable(reason: "unknown format '\(tag.format)', expected '\(StateStore.format)'"))
        }
        do {
            return .success(try decoder.decode(StateEnvelope<Value>.self, from: data).state)
        } catch {
            return .failure(Unusable(reason: "its state does not decode: \(StateStore.summary(of: error))"))
        }
    }

    private func moveAside(reason: String, now: Date) throws(PosixFile.Failure) -> Loaded {
        let stem = path + ".corrupt-" + UTCTimestamp.format(now).filter { $0 != "-" && $0 != ":" }
        var destination = stem
        var attempt = 1
        while PosixFile.exists(destination) {
            attempt += 1
            destination = "\(stem)-\(attempt)"
        }
        try PosixFile.move(path, to: destination)
        return .movedAside(reason: reason, movedTo: destination)
    }

    /// A DecodingError's description runs to several lines of context; the path and the
    /// debug text are what tells a reader which field is wrong.
    private static func summary(of error: any Error) -> String {
        guard let decoding = error as? DecodingError else { return "\(error)" }
        let context: DecodingError.Context
        switch decoding {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return "\(error)"
        }
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    }
}
