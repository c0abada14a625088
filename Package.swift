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
        .target(
            name: "QualityAI",
            dependencies: [
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
                "PostgresTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "qai-bench",
            dependencies: [
                "CMallocTuning",
                "Postgres",
                "PostgresTestSupport",
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
        // libFuzzer target over the page and record decoder (`.ci/fuzz`). `Sources/qai-fuzz/Decoder`
        // links QualityAI's decoder sources (JSON, Decoding, Model: standard library only), so the
        // fuzz build compiles them without NIO and BoringSSL and can check internal invariants.
        .executableTarget(
            name: "qai-fuzz",
            swiftSettings: strict + fuzzSettings,
            linkerSettings: fuzzLinking
        ),
        .target(
            name: "GrafanaSupport",
            dependencies: ["Postgres", "QualityAI"],
            swiftSettings: strict
        ),
        .target(
            name: "PostgresTestSupport",
            dependencies: [
                "Postgres",
                .product(name: "Logging", package: "swift-log"),
            ],
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
            dependencies: ["Postgres", "PostgresTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "QualityAITests",
            dependencies: [
                "QualityAI",
                "PostgresTestSupport",
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
                "PostgresTestSupport",
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
            dependencies: ["Warehouse", "Postgres", "PostgresTestSupport"],
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
                "PostgresTestSupport",
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
                "PostgresTestSupport",
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
                "PostgresTestSupport",
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
                "qai-loader", "CMallocTuning", "Warehouse", "Postgres", "PostgresTestSupport", "QualityAI", "MockAPI",
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
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
    ]
)

/// `QAI_POSTGRES_ONLY=1 swift test --sanitize=address ...` (CI's AddressSanitizer step) declares
/// only the PostgreSQL layer and its tests, so the sanitized build compiles libpq's wrapper and
/// its test support, not the HTTP stack that no PostgreSQL test uses.
if Context.environment["QAI_POSTGRES_ONLY"] != nil {
    let layer: Set<String> = ["CLibPQ", "Postgres", "PostgresTestSupport", "PostgresTests"]
    package.targets.removeAll { !layer.contains($0.name) }
    package.products = []
    package.dependencies = [.package(url: "https://github.com/apple/swift-log", from: "1.16.2")]
}
