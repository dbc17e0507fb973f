// swift-tools-version:6.0
// credit-pid: keeps the share of PyTorch CI jobs routed to a credit-funded AWS account
// on a trajectory that uses the month's credits and never more.
import PackageDescription

let package = Package(
    name: "credit-pid",
    products: [
        .executable(name: "credit-pid", targets: ["credit-pid"]),
    ],
    targets: [
        // C shims: Swift cannot call C variadic functions or macros (sd_notifyf,
        // sd_journal_sendv's location macros, curl_easy_setopt).
        .target(name: "CSystemd", linkerSettings: [.linkedLibrary("systemd")]),
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
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
