import ArgumentParser
import Foundation
import Shell

struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons", abstract: "List the lessons and your progress.")

    @OptionGroup var course: CourseFlags

    func run() throws {
        try CourseCommandLine.lessons(options: course.options, environment: ProcessInfo.processInfo.environment)
            .finish()
    }
}
