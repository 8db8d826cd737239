import ExerciseSuites
import Foundation
import Grading
import GradingTestSupport

/// The process the learner's code runs in: reads its channel, grades, sends the report and `_exit`s
/// (`ExerciseChild` does the grading, the watchdog and the exit).
enum GraderChild {
    static func run(_ name: String) -> Never {
        guard let exercise = GradedExercise.named(name) else { fail("no exercise is named '\(name)'") }
        // Read before any of the learner's code runs.
        let input = FileHandle.standardInput.readDataToEndOfFile()
        guard let channel = try? JSONDecoder().decode(ReportChannel.self, from: input) else {
            fail("the grading channel did not arrive on standard input")
        }
        ExerciseChild.grade(LearnerSuites.suite(exercise), channel: channel)
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("poolschool-grade: \(message)\n".utf8))
        exit(2)
    }
}
