/// What `ShareWriter.apply` did.
public struct ShareWriteResult: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        /// The comment already held the share: nothing was sent.
        case unchanged
        case written
        /// Dry run: `text` is what would have been written.
        case wouldWrite
    }

    public var action: Action
    public var commentID: Int
    /// The comment's page, when GitHub gave it.
    public var commentURL: String?
    /// The share the comment held before, as read.
    public var previousShare: Double
    public var share: Double
    /// The comment's text after the call: as written, as it would be written, or as it is.
    public var text: String
    /// The comment changed between the first read and the write (a person edited it), and
    /// the share was set again in their text, so that their change survives.
    public var redoneOnNewerText: Bool
}
