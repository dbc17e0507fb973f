// swift-tools-version:6.0
// credit-pid: keeps the share of PyTorch CI jobs routed to a credit-funded AWS account
// on a trajectory that uses the month's credits and never more.
import PackageDescription

/// Debian's libcurl links OpenSSL, GnuTLS, LDAP, RTMP, SSH and Kerberos, which cost the daemon
/// about 8 MiB of resident memory it never uses. scripts/build-libcurl builds Debian's curl
/// source for HTTP(S) over mbed TLS only; CREDIT_PID_LIBCURL pointing at the libcurl.a it makes
/// links that instead (scripts/test and scripts/build-release set it). Unset: the system's
/// libcurl, which scripts/demo builds on, since the demo sends nothing over the network.
let curlLinking: [LinkerSetting] = {
    guard let archive = Context.environment["CREDIT_PID_LIBCURL"], !archive.isEmpty else {
        return [.linkedLibrary("curl")]
    }
    return [.unsafeFlags([archive, "-lmbedtls", "-lmbedx509", "-lmbedcrypto", "-lpthread"])]
}()

let package = Package(
    name: "credit-pid",
    products: [
        .executable(name: "credit-pid", targets: ["credit-pid"]),
    ],
    targets: [
        // C shims: Swift cannot call C variadic functions or macros (sd_notifyf,
        // sd_journal_sendv's location macros, curl_easy_setopt).
        .target(name: "CSystemd", linkerSettings: [.linkedLibrary("systemd")]),
        .target(name: "CCurl", linkerSettings: curlLinking),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),

        // The controller, period arithmetic and the simulator: no clock, no I/O.
        .target(name: "CreditPIDCore"),

        // Thin Swift layers over the C libraries.
        .target(name: "CreditPIDSystemd", dependencies: ["CSystemd"]),
        .target(name: "CreditPIDHTTP", dependencies: ["CCurl", "CreditPIDCore"]),
        .target(name: "CreditPIDSettings", dependencies: ["CYAML"]),

        // The two outside services.
        .target(name: "CreditPIDTernary", dependencies: ["CreditPIDCore", "CreditPIDHTTP"]),
        .target(name: "CreditPIDGitHub", dependencies: ["CreditPIDHTTP", "CreditPIDSettings"]),

        // The daemon: configuration, state, routing sinks, the cycle and the timer loop.
        .target(name: "CreditPIDDaemon", dependencies: [
            "CreditPIDCore", "CreditPIDSystemd", "CreditPIDHTTP", "CreditPIDTernary",
            "CreditPIDGitHub", "CreditPIDSettings",
        ]),

        .executableTarget(name: "credit-pid", dependencies: ["CreditPIDCore", "CreditPIDDaemon", "CreditPIDSettings"]),

        .testTarget(name: "CreditPIDCoreTests", dependencies: ["CreditPIDCore"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "CreditPIDServiceTests", dependencies: [
            "CreditPIDDaemon", "CreditPIDSystemd", "CreditPIDHTTP", "CreditPIDTernary",
            "CreditPIDGitHub", "CreditPIDSettings", "CreditPIDCore",
        ], exclude: ["Settings/Fixtures", "Ternary/Fixtures"]),
    ]
)
