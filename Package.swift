// swift-tools-version:6.1
import PackageDescription

/// Settings every target of ours shares: imports say what they use, and existentials are spelled `any`.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "hadaf",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hadaf", targets: ["hadaf"]),
        .library(name: "EventStore", targets: ["EventStore"]),
        .library(name: "HadafEvents", targets: ["HadafEvents"]),
        .library(name: "HadafProjections", targets: ["HadafProjections"]),
        .library(name: "Participation", targets: ["Participation"]),
        .library(name: "HadafServer", targets: ["HadafServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Already in the graph through Hummingbird; named to bound the server's shutdown.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Property-based tests: extreme and random values at every parser and decider.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The event vocabulary: Codable values, no I/O.
        .target(
            name: "HadafEvents",
            dependencies: ["EventStore"],
            path: "Events",
            swiftSettings: strictSettings),
        // Part of the event log: settings of the SQLite library that only C can make.
        .target(
            name: "CSQLiteSettings",
            linkerSettings: [.linkedLibrary("sqlite3")]),
        // The SQLite log: append, read, follow, verify. Knows no domain.
        .target(
            name: "EventStore",
            dependencies: [
                "CSQLiteSettings",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        // Commands -> decisions -> events: deciders, validation, Persian text, the calendar.
        .target(
            name: "Participation",
            dependencies: [
                "EventStore",
                "HadafEvents",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings),
        // The read side: projector runtime and read models.
        .target(
            name: "HadafProjections",
            dependencies: [
                "EventStore",
                "HadafEvents",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Projections",
            exclude: ["policies"],
            swiftSettings: strictSettings),
        // The HTTP server: form handler, JSON API, accounts and roles.
        .target(
            name: "HadafServer",
            dependencies: [
                "EventStore",
                "Participation",
                "HadafProjections",
                "HadafEvents",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Pages/Templates"), .copy("Pages/Assets")],
            swiftSettings: strictSettings),
        // The command-line tool: thin, calls the modules.
        .executableTarget(
            name: "hadaf",
            dependencies: [
                "HadafServer",
                "EventStore",
                "Participation",
                "HadafProjections",
                "HadafEvents",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        // The benchmark harness behind tools/bench (not a test).
        .executableTarget(
            name: "hadaf-bench",
            dependencies: [
                "EventStore",
                "HadafEvents",
                "HadafProjections",
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "tools/HadafBench",
            swiftSettings: strictSettings),
        // A writer that the crash tests start and kill with SIGKILL.
        .executableTarget(
            name: "crash-writer",
            dependencies: ["EventStore"],
            path: "Tests/CrashWriter",
            swiftSettings: strictSettings),
        // Helpers the test targets share: temporary directories, running built products.
        .target(
            name: "HadafTestSupport",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/HadafTestSupport",
            swiftSettings: strictSettings),
        .testTarget(
            name: "EventStoreTests",
            dependencies: [
                "EventStore",
                "HadafTestSupport",
                "crash-writer",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HadafEventsTests",
            dependencies: ["HadafEvents", "EventStore"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ParticipationTests",
            dependencies: [
                "Participation", "HadafEvents", "EventStore", "HadafTestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HadafProjectionsTests",
            dependencies: ["HadafProjections", "HadafEvents", "EventStore", "HadafTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings),
        .testTarget(
            name: "HadafServerTests",
            dependencies: [
                "HadafServer", "Participation", "HadafEvents", "HadafProjections", "EventStore", "HadafTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "hadafTests",
            dependencies: ["hadaf", "EventStore", "HadafEvents", "HadafTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
