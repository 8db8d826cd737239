import ExerciseSuites
import Foundation
import Grading
import GradingTestSupport

// `poolschool-grade EXERCISE`: what `poolschool check` runs. It grades one exercise exactly as
// `swift test --filter` does (the same suite from `LearnerSuites`, in a child process of its own, its verdict
// on a `ReportChannel`), but it is a small executable: after an edit only it is relinked, not the whole test
// bundle, and no test runner starts. The verified report is written to `$POOLSCHOOL_REPORT_DIR/EXERCISE.json`.
//
// `poolschool-grade --child EXERCISE` is that child: it reads its channel on standard input, so the nonce
// never reaches the environment, the command line or the disk.

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.count {
case 2 where arguments[0] == "--child":
    GraderChild.run(arguments[1])
case 1 where !arguments[0].hasPrefix("-"):
    exit(GraderParent.run(arguments[0]))
default:
    let names = GradedExercise.all.map(\.name).joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: poolschool-grade EXERCISE (one of \(names))\n".utf8))
    exit(2)
}
