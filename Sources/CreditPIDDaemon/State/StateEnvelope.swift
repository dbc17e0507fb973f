import FoundationEssentials

/// The on-disk form of a state file: a format tag first, so that a file from another version
/// is recognised before its contents are trusted.
///
///     {"format": "credit-pid-state/1", "saved_at": "2026-12-03T14:00:00Z", "state": {…}}
struct StateEnvelope<Value: Codable>: Codable {
    var format: String
    /// When the daemon saved it, for a reader of the file; the store does not use it.
    var savedAt: String
    var state: Value

    enum CodingKeys: String, CodingKey {
        case format
        case savedAt = "saved_at"
        case state
    }
}

/// Only the tag, decoded before anything else.
struct StateFormatTag: Decodable {
    var format: String
}
