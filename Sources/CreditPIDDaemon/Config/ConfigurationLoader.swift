/// Reads credit-pid.conf, then its drop-ins (`PATH.d/*.conf`, in byte order, later wins), then
/// the credentials, into one `Configuration`: all of it or, with every error found, none.
/// The same loader serves start-up, SIGHUP and `credit-pid check`, so they cannot disagree.
public struct ConfigurationLoader: Sendable {
    public static let defaultPath = "/etc/credit-pid/credit-pid.conf"

    public let path: String
    public let environment: [String: String]

    /// `environment` is passed in rather than read, so that tests of reloads do not depend on
    /// (or change) the process's own environment.
    public init(path: String = ConfigurationLoader.defaultPath, environment: [String: String]) {
        self.path = path
        self.environment = environment
    }

    /// A configuration that is in force, and what the loader ignored to get it.
    public struct Loaded: Sendable {
        public var configuration: Configuration
        /// Unknown sections and keys: the caller logs them.
        public var warnings: [ConfigurationDiagnostic]
    }

    public var dropInDirectory: String { path + ".d" }

    /// `requiringCredentials: false` reads everything but does not insist on the credentials
    /// the rest would need: for commands that only read local state.
    public func load(requiringCredentials: Bool = true) throws(ConfigurationError) -> Loaded {
        var diagnostics = Diagnostics()
        let defaults = defaultConfiguration()
        var configuration = defaults
        configuration.sources = files(&diagnostics)
        for file in configuration.sources {
            apply(file, to: &configuration, defaults: defaults, &diagnostics)
        }
        configuration.credentials = CredentialStore(environment: environment).load(&diagnostics, file: path)
        // A file that could not be read may well hold the keys that look missing: saying so
        // would only bury the real error.
        if diagnostics.errors.isEmpty {
            ConfigurationRequirements.check(configuration, file: path, credentials: requiringCredentials, &diagnostics)
        }
        guard diagnostics.errors.isEmpty else {
            throw ConfigurationError(diagnostics.errors, warnings: diagnostics.warnings)
        }
        return Loaded(configuration: configuration, warnings: diagnostics.warnings)
    }

    /// The defaults, except that systemd's StateDirectory= (first entry) is the default state
    /// directory when the service has one.
    func defaultConfiguration() -> Configuration {
        var defaults = Configuration()
        if let first = environment["STATE_DIRECTORY"]?.split(separator: ":").first {
            defaults.state.directory = String(first)
        }
        return defaults
    }

    private func files(_ diagnostics: inout Diagnostics) -> [String] {
        do {
            let dropIns = try PosixFile.names(in: dropInDirectory).filter { $0.hasSuffix(".conf") }
            return [path] + dropIns.map { dropInDirectory + "/" + $0 }
        } catch {
            diagnostics.error(file: dropInDirectory, line: nil, "\(error)")
            return [path]
        }
    }

    private func apply(
        _ file: String, to configuration: inout Configuration, defaults: Configuration,
        _ diagnostics: inout Diagnostics
    ) {
        let document: INIDocument
        do {
            document = try INIDocument(path: file, text: try PosixFile.readText(file))
        } catch let error as ConfigurationError {
            diagnostics.errors += error.diagnostics
            return
        } catch {
            diagnostics.error(file: file, line: nil, "\(error)")
            return
        }
        let known = Set(ConfigurationSchema.sections)
        for header in document.sections where !known.contains(header.name) {
            diagnostics.warning(file: file, line: header.line, "Unknown section [\(header.name)], ignoring")
        }
        for assignment in document.assignments where known.contains(assignment.section) {
            apply(assignment, from: file, to: &configuration, defaults: defaults, &diagnostics)
        }
    }

    private func apply(
        _ assignment: INIDocument.Assignment, from file: String, to configuration: inout Configuration,
        defaults: Configuration, _ diagnostics: inout Diagnostics
    ) {
        let (section, key, value) = (assignment.section, assignment.key, assignment.value)
        guard let schemaKey = ConfigurationSchema.key(section: section, name: key) else {
            diagnostics.warning(file: file, line: assignment.line, "Unknown key '\(key)' in section [\(section)], ignoring")
            return
        }
        do {
            try schemaKey.apply(value, to: &configuration, defaults: defaults)
        } catch {
            diagnostics.error(file: file, line: assignment.line,
                              "Failed to parse [\(section)] \(key)='\(value)': \(error.expected)")
        }
    }
}

/// Errors and warnings gathered while loading, in the order found.
struct Diagnostics {
    var errors: [ConfigurationDiagnostic] = []
    var warnings: [ConfigurationDiagnostic] = []

    mutating func error(file: String, line: Int?, _ message: String) {
        errors.append(ConfigurationDiagnostic(file: file, line: line, message: message))
    }

    mutating func warning(file: String, line: Int?, _ message: String) {
        warnings.append(ConfigurationDiagnostic(file: file, line: line, message: message))
    }
}
