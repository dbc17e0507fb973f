/// One `Key=` of one `[Section]`: how a value is parsed into a `Configuration`, how it is
/// printed back, and how an empty assignment (`Key=`) resets it to its default, as in systemd.
struct ConfigurationKey {
    let section: String
    let name: String
    private let assign: (inout Configuration, String) throws(ConfigValue.Invalid) -> Void
    private let resetToDefault: (inout Configuration, Configuration) -> Void
    private let show: (Configuration) -> String

    init<Value>(
        _ section: String, _ name: String, _ path: WritableKeyPath<Configuration, Value>,
        parse: @escaping (String) throws(ConfigValue.Invalid) -> Value,
        show: @escaping (Value) -> String
    ) {
        self.section = section
        self.name = name
        assign = { (configuration: inout Configuration, text: String) throws(ConfigValue.Invalid) in
            configuration[keyPath: path] = try parse(text)
        }
        resetToDefault = { configuration, defaults in configuration[keyPath: path] = defaults[keyPath: path] }
        self.show = { show($0[keyPath: path]) }
    }

    /// An empty value restores `defaults`' value; anything else must parse.
    func apply(_ text: String, to configuration: inout Configuration, defaults: Configuration)
        throws(ConfigValue.Invalid)
    {
        if text.isEmpty {
            resetToDefault(&configuration, defaults)
            return
        }
        try assign(&configuration, text)
    }

    /// The value as `check` prints it; empty for an optional key that is not set.
    func value(in configuration: Configuration) -> String {
        show(configuration)
    }
}
