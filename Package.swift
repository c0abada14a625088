// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .treatAllWarnings(as: .error),
]

/// `QAI_FUZZ=1 swift build --product qai-fuzz` (what `.ci/fuzz` runs) builds the fuzz target with
/// libFuzzer and AddressSanitizer. The flags are set here, on that target alone, because
/// `-Xswiftc` would also reach the build-tool plugin's executable, which has its own `main`.
let fuzzing = Context.environment["QAI_FUZZ"] != nil
let fuzzSettings: [SwiftSetting] = fuzzing ? [.define("QAI_FUZZ"), .unsafeFlags(["-sanitize=fuzzer,address"])] : []
let fuzzLinking: [LinkerSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []

/// The shared test support's dependencies. `QAI_POSTGRES_ONLY` (at the end) keeps only the
/// PostgreSQL ones, and leaves out the folders that need the others.
let testSupportDependencies: [Target.Dependency] = [
    "EmbeddedPostgres",
    "Postgres",
    "MockAPI",
    .product(name: "AsyncHTTPClient", package: "async-http-client"),
    .product(name: "Logging", package: "swift-log"),
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOHTTP1", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
]

let package = Package(
    name: "qai-loader",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "qai-loader", targets: ["qai-loader"]),
        .executable(name: "qai-bench", targets: ["qai-bench"]),
        .executable(name: "qai-fuzz", targets: ["qai-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Already in the graph through async-http-client; named so QualityAI can build its TLS settings.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // Already in the graph through swift-configuration and swift-nio; named for `FilePath` in qai-loader.
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Caps glibc's malloc arenas (peak RSS flat over long runs); called first by the executables.
        .target(name: "CMallocTuning"),
        .target(
            name: "Postgres",
            dependencies: [
                "CLibPQ",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The vendor's records and their decoder (JSON reader, model, decoding): standard library
        // only, so the fuzz target and GrafanaSupport use it without NIO and BoringSSL. Built with
        // libFuzzer's instrumentation in the fuzz build.
        .target(
            name: "QualityAIDecoding",
            swiftSettings: strict + fuzzSettings
        ),
        .target(
            name: "QualityAI",
            dependencies: [
                "QualityAIDecoding",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Warehouse",
            dependencies: [
                "Postgres",
                "QualityAI",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict,
            plugins: ["EmbedSQL"]
        ),
        .target(
            name: "MockAPI",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "qai-loader",
            dependencies: [
                "CMallocTuning",
                "Postgres",
                "QualityAI",
                "Warehouse",
                "MockAPI",
                "EmbeddedPostgres",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "qai-bench",
            dependencies: [
                "CMallocTuning",
                "Postgres",
                "EmbeddedPostgres",
                "QualityAI",
                "Warehouse",
                "MockAPI",
                "GrafanaSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict
        ),
        // libFuzzer target over the page and record decoder (`.ci/fuzz`), on QualityAIDecoding alone:
        // the fuzz build compiles no NIO or BoringSSL, and checks the decoder's package-level invariants.
        .executableTarget(
            name: "qai-fuzz",
            dependencies: ["QualityAIDecoding"],
            swiftSettings: strict + fuzzSettings,
            linkerSettings: fuzzLinking
        ),
        .target(
            name: "GrafanaSupport",
            dependencies: ["Postgres", "QualityAIDecoding"],
            swiftSettings: strict
        ),
        // A throwaway PostgreSQL cluster (initdb + pg_ctl in a temporary directory), and the shared
        // server tests and benchmarks create databases on: what `qai-loader demo` runs on.
        .target(
            name: "EmbeddedPostgres",
            dependencies: [
                "Postgres",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // What the test targets share: the test logger, the mock API harness and its ground truth,
        // a scripted HTTP server, a child process runner, a YAML subset parser, the Citus settings.
        .target(
            name: "TestSupport",
            dependencies: testSupportDependencies,
            path: "Tests/TestSupport",
            swiftSettings: strict
        ),
        // A CONNECT proxy, a TLS front and a test certificate authority, on loopback, for the network tests.
        .target(
            name: "NetworkTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "EmbedSQLTool",
            swiftSettings: strict
        ),
        .plugin(
            name: "EmbedSQL",
            capability: .buildTool(),
            dependencies: ["EmbedSQLTool"],
            path: "Sources/EmbedSQL"
        ),
        .testTarget(
            name: "PostgresTests",
            dependencies: ["Postgres", "EmbeddedPostgres", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "QualityAITests",
            dependencies: [
                "QualityAI",
                "EmbeddedPostgres",
                "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ClientIntegrationTests",
            dependencies: [
                "QualityAI",
                "NetworkTestSupport",
                "EmbeddedPostgres",
                "TestSupport",
                "MockAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WarehouseTests",
            dependencies: ["Warehouse", "Postgres", "EmbeddedPostgres", "TestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SyncTests",
            dependencies: [
                "Warehouse",
                "QualityAI",
                "MockAPI",
                "Postgres",
                "EmbeddedPostgres",
                "TestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "CrashTests",
            dependencies: [
                "Postgres",
                "EmbeddedPostgres",
                "TestSupport",
                "MockAPI",
                "Warehouse",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AnalyticsTests",
            dependencies: [
                "GrafanaSupport",
                "Warehouse",
                "Postgres",
                "EmbeddedPostgres",
                "TestSupport",
                "QualityAI",
                "MockAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "QAILoaderTests",
            dependencies: [
                "qai-loader", "CMallocTuning", "Warehouse", "Postgres", "EmbeddedPostgres", "TestSupport", "QualityAI",
                "MockAPI",
                "NetworkTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MockAPITests",
            dependencies: [
                "MockAPI",
                "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
    ]
)

/// `QAI_POSTGRES_ONLY=1 swift test --sanitize=address ...` (CI's AddressSanitizer step) declares
/// only the PostgreSQL layer and its tests, so the sanitized build compiles libpq's wrapper, the
/// throwaway cluster and the PostgreSQL part of the test support, not the HTTP stack that no
/// PostgreSQL test uses.
if Context.environment["QAI_POSTGRES_ONLY"] != nil {
    let layer: Set<String> = ["CLibPQ", "Postgres", "EmbeddedPostgres", "TestSupport", "PostgresTests"]
    package.targets.removeAll { !layer.contains($0.name) }
    for target in package.targets where target.name == "TestSupport" {
        target.dependencies = ["EmbeddedPostgres", "Postgres", .product(name: "Logging", package: "swift-log")]
        target.exclude = ["HTTP", "Mock"]
    }
    package.products = []
    package.dependencies = [.package(url: "https://github.com/apple/swift-log", from: "1.16.2")]
}
