// swift-tools-version: 6.1
import PackageDescription

/// Layers point down only: poolschool → Shell → (Course, Grading, RealServers) → PoolWorld.
/// RealServers (libpq through CLibPQ) is the only module with sockets; PoolWorld stays sans-I/O.
/// See README.md ("Source layout") and DESIGN.md.
let package = Package(
    name: "poolschool",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "poolschool", targets: ["poolschool"]),
        .library(name: "PoolWorld", targets: ["PoolWorld"]),
        // For `make bench`, which times exercise 7's reference pool (Benchmarks/ is a package of its own).
        .library(name: "Solutions", targets: ["Solutions", "Grading"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // libpq for the real-server lab (`real`): a private PostgreSQL and PgBouncer on loopback.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "PoolWorld",
            dependencies: [
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ],
            // Optimised in every build, as Grading is: the graders step its pool types thousands of times.
            swiftSettings: [.unsafeFlags(["-O"])]
        ),
        .target(name: "Course", dependencies: ["PoolWorld", .product(name: "Yams", package: "Yams")]),
        // Optimised even in a debug build: a learner's `swift test --filter` runs thousands of graded schedules
        // (about 2.5 s unoptimised, under 1 s optimised); it is rebuilt only when the graders change.
        .target(name: "Grading", dependencies: ["PoolWorld"], swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "RealServers", dependencies: ["CLibPQ", "PoolWorld"]),
        .target(name: "Shell", dependencies: ["CLibEdit", "Course", "Grading", "PoolWorld", "RealServers"]),
        .executableTarget(
            name: "poolschool",
            dependencies: [
                "Shell",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The learner's workspace: it sees only the learner-facing types of Grading. The catalog beside it
        // is read at run time by the shell and lint.
        .target(name: "Exercises", dependencies: ["Grading"], path: "Exercises", exclude: ["exercises.yaml"]),
        // The reference solutions: plain files the shell's `solution` prints, compiled here so that
        // GradingTests proves each one passes its grader.
        .target(name: "Solutions", dependencies: ["Grading"], path: "Solutions"),
        // Runs a grader in a child process and turns its report into Swift Testing issues or a skip.
        .target(name: "GradingTestSupport", dependencies: ["Grading"], path: "Tests/GradingTestSupport"),

        .testTarget(name: "PoolWorldTests", dependencies: ["PoolWorld"]),
        .testTarget(name: "CourseTests", dependencies: ["Course"]),
        .testTarget(name: "RealServersTests", dependencies: ["RealServers"]),
        // Proves the graders: reference solutions pass, do-nothing and broken implementations fail.
        .testTarget(name: "GradingTests", dependencies: ["Grading", "Solutions", "GradingTestSupport", "Course"]),
        // Grades the learner's Exercises/ (kept small: it compiles only its own files and the exercises).
        .testTarget(name: "ExerciseTests", dependencies: ["Exercises", "GradingTestSupport"]),
        // Depends on the executable so that the end-to-end tests find it built.
        .testTarget(name: "ShellTests", dependencies: ["Shell", "poolschool"]),
    ]
)
