// swift-tools-version: 6.1
import PackageDescription

/// Layers point down only: poolschool → Shell → (Course, Grading → PoolWorld; RealServers → PoolWorld). Each
/// target declares exactly the modules it imports. RealServers (libpq through CLibPQ) is the only module with
/// sockets; PoolWorld stays sans-I/O.
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
        .target(name: "Course", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Optimised even in a debug build: a learner's `swift test --filter` runs thousands of graded schedules
        // (about 2.5 s unoptimised, under 1 s optimised); it is rebuilt only when the graders change.
        .target(name: "Grading", dependencies: ["PoolWorld"], swiftSettings: [.unsafeFlags(["-O"])]),
        .target(name: "RealServers", dependencies: ["CLibPQ", "PoolWorld"]),
        .target(name: "Shell", dependencies: ["CLibEdit", "Course", "Grading", "PoolWorld", "RealServers"]),
        .executableTarget(
            name: "poolschool",
            dependencies: [
                "Shell",
                "PoolWorld",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The learner's workspace: it sees only the learner API of Grading (API/LearnerAPI.swift). The catalog
        // beside it is read at run time by the shell and lint; README.md is the learner's and instructor's guide.
        .target(
            name: "Exercises", dependencies: ["Grading"], path: "Exercises", exclude: ["exercises.yaml", "README.md"]),
        // The reference solutions: plain files the shell's `solution` prints, compiled here so that
        // GradingTests proves each one passes its grader.
        .target(name: "Solutions", dependencies: ["Grading"], path: "Solutions"),
        // Runs a grader in a child process and turns its report into Swift Testing issues or a skip.
        .target(name: "GradingTestSupport", dependencies: ["Grading"], path: "Tests/GradingTestSupport"),
        // Each exercise's suite applied to the learner's type: the one table ExerciseTests and poolschool-grade
        // grade from.
        .target(name: "ExerciseSuites", dependencies: ["Exercises", "Grading"], path: "Tests/ExerciseSuites"),
        // What `poolschool check` runs: one exercise graded as ExerciseTests grades it, but a small executable,
        // so an edit relinks a few megabytes instead of the whole test bundle and no test runner starts.
        .executableTarget(
            name: "poolschool-grade", dependencies: ["ExerciseSuites", "Grading", "GradingTestSupport"],
            path: "Tests/ExerciseGrader"),

        .testTarget(name: "PoolWorldTests", dependencies: ["PoolWorld"]),
        .testTarget(name: "CourseTests", dependencies: ["Course"]),
        .testTarget(name: "RealServersTests", dependencies: ["RealServers"]),
        // Proves the graders: reference solutions pass, do-nothing and broken implementations fail.
        .testTarget(name: "GradingTests", dependencies: ["Grading", "Solutions", "GradingTestSupport", "Course"]),
        // Grades the learner's Exercises/ (kept small: it compiles only its own files and the exercises).
        .testTarget(name: "ExerciseTests", dependencies: ["Exercises", "ExerciseSuites", "GradingTestSupport"]),
        // Runs the built executable for the end-to-end tests: spawning, tmux, scratch projects and homes.
        .target(name: "ShellTestSupport", dependencies: ["Grading"], path: "Tests/ShellTestSupport"),
        // Unit tests of Shell's types, in process.
        .testTarget(name: "ShellUnitTests", dependencies: ["Shell", "Course", "Grading", "PoolWorld", "RealServers"]),
        // End-to-end runs of the executable, as a learner, a script or a terminal meets it. Depends on the
        // executable so that they find it built.
        .testTarget(
            name: "ShellTests",
            dependencies: ["ShellTestSupport", "Shell", "Course", "Grading", "poolschool", "poolschool-grade"]),
    ]
)
