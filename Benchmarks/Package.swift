// swift-tools-version: 6.3
import PackageDescription

/// `make bench` only: a package of its own, so `make test` and CI never build package-benchmark.
let package = Package(
    name: "poolschool-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named, because a path dependency is otherwise known by its folder name, which differs per clone.
        .package(name: "poolschool", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PoolStateMachine",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PoolWorld", package: "poolschool"),
            ],
            path: "Benchmarks/PoolStateMachine",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "AsyncPool",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PoolWorld", package: "poolschool"),
                .product(name: "Solutions", package: "poolschool"),
            ],
            path: "Benchmarks/AsyncPool",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
