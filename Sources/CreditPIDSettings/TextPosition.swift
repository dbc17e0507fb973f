/// A place in a settings comment as an editor shows it: 1-based line and column, the column
/// counted in characters (Unicode scalars).
public struct TextPosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String {
        "line \(line), column \(column)"
    }
}
