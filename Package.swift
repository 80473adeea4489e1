// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Radsok",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "radsok", targets: ["radsok"]),
        .executable(name: "radsok-bench", targets: ["radsok-bench"]),
        .library(name: "SearchIndex", targets: ["SearchIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Hummingbird's own NIO, named for the server's channel handlers (connection cap, timeouts).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc")]
        ),
        .target(name: "NorwegianText", dependencies: ["CICU"], swiftSettings: strict),
        .target(name: "CouncilDocuments", dependencies: ["NorwegianText"], swiftSettings: strict),
        // glibc's malloc_trim, for giving the memory a build has let go back to the system.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        .target(name: "SearchIndex", dependencies: ["NorwegianText", "CouncilDocuments", "CMalloc"], swiftSettings: strict),
        .target(name: "Evaluation", dependencies: ["SearchIndex"], swiftSettings: strict),
        .target(
            name: "RadsokServer",
            dependencies: [
                "SearchIndex", "CouncilDocuments", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            resources: [.copy("Page")],
            swiftSettings: strict
        ),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .executableTarget(
            name: "radsok-bench",
            dependencies: [
                "SearchIndex", "CouncilDocuments", "NorwegianText", "CSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Fuzz targets for libFuzzer (Benchmarks/fuzz.sh); a plain build replays inputs through them.
        .executableTarget(name: "radsok-fuzz", dependencies: ["SearchIndex", "NorwegianText"], swiftSettings: strict),
        .executableTarget(
            name: "radsok",
            dependencies: [
                "SearchIndex", "CouncilDocuments", "NorwegianText", "Evaluation", "RadsokServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "NorwegianTextTests", dependencies: ["NorwegianText"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "CouncilDocumentsTests", dependencies: ["CouncilDocuments"], exclude: ["Fixtures"], swiftSettings: strict),
        // PDFs written at test time, for the tests of reading and serving them.
        .target(name: "PDFFixtures", path: "Tests/Support/PDFFixtures", swiftSettings: strict),
        .testTarget(
            name: "SearchIndexTests",
            dependencies: ["SearchIndex", "PDFFixtures", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict
        ),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "SearchIndex"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "RadsokCLITests", dependencies: ["radsok", "radsok-fuzz"], swiftSettings: strict),
        .testTarget(
            name: "RadsokServerTests",
            dependencies: ["RadsokServer", "SearchIndex", "PDFFixtures",
                           .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: strict
        ),
    ]
)
