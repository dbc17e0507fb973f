import CreditPIDDaemon

/// A command's arguments, consumed as they are recognized: options with or without a value,
/// then the positional rest. Whatever is left unrecognized is a usage error.
struct ArgumentList {
    private var items: [String]

    init(_ items: [String]) { self.items = items }

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    /// Removes `--name` and reports whether it was there.
    mutating func flag(_ name: String) -> Bool {
        guard let index = items.firstIndex(of: name) else { return false }
        items.remove(at: index)
        return true
    }

    /// Removes `--name VALUE` or `--name=VALUE` and returns the value.
    mutating func value(_ name: String) throws -> String? {
        if let index = items.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            let value = String(items[index].dropFirst(name.count + 1))
            items.remove(at: index)
            return value
        }
        guard let index = items.firstIndex(of: name) else { return nil }
        guard index + 1 < items.count else { throw UsageError(description: "option '\(name)' needs a value") }
        let value = items[index + 1]
        items.removeSubrange(index...index + 1)
        return value
    }

    mutating func number(_ name: String) throws -> Double? {
        guard let text = try value(name) else { return nil }
        guard let number = Double(text), number.isFinite else {
            throw UsageError(description: "option '\(name)': '\(text)' is not a number")
        }
        return number
    }

    /// What is left, which must not hold options.
    func positional() throws -> [String] {
        if let option = items.first(where: { $0.hasPrefix("--") && $0.count > 2 }) {
            throw UsageError(description: "unknown option '\(option)'")
        }
        return items.filter { $0 != "--" }
    }

    /// Removes `--controller pacing|seed` (or `both`, where `allowingBoth`) and gives the
    /// controllers it names, in the order they are compared in.
    mutating func controllers(default choice: String, allowingBoth: Bool) throws -> [Configuration.ControllerMode] {
        let choice = try value("--controller") ?? choice
        if allowingBoth, choice == "both" { return Configuration.ControllerMode.allCases }
        guard let mode = Configuration.ControllerMode(rawValue: choice) else {
            let expected = allowingBoth ? "pacing, seed or both" : "pacing or seed"
            throw UsageError(description: "'--controller' is '\(choice)', expected \(expected)")
        }
        return [mode]
    }

    /// `--config PATH` and nothing else, as `serve` and `once` take.
    static func configPath(_ arguments: [String], default path: String) throws -> String {
        var list = ArgumentList(arguments)
        let chosen = try list.value("--config") ?? path
        if let extra = try list.positional().first {
            throw UsageError(description: "unexpected argument '\(extra)'")
        }
        return chosen
    }
}
