/// The product's version, shown by `--version` and sent in the HTTP User-Agent.
public enum CreditPIDVersion {
    public static let string = "0.1.0"
}
