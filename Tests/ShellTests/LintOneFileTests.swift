import Foundation
import Testing

/// `poolschool lint FILE` lints the file in the context of its course: a prerequisite on another lesson of the
/// same folder (or of `--lessons`) is known, and one that no lesson has is still reported.
@Suite struct LintOneFileTests {
    @Test func everyShippedLessonLintsCleanOnItsOwn() throws {
        let folder = PoolschoolProcess.packageRoot.appendingPathComponent("Lessons")
        let lessons = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && $0.first?.isNumber == true }.sorted()
        #expect(lessons.count >= 16)
        for lesson in lessons {
            let result = try PoolschoolProcess.run(["lint", folder.appendingPathComponent(lesson).path])
            #expect(result.status == 0, "\(lesson): \(result.stdout)")
        }
    }

    @Test func aPrerequisiteNoLessonHasIsStillReported() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        try folder.write("01-first", body: "\n# First\n\nText.\n")
        let second =
            "---\nid: 02-second\ntitle: Second\norder: 2\nsources: [a.txt]\nrequires: [01-first, 00-gone]\n---\n"
        try (second + "\n# Second\n\nText.\n").write(
            to: folder.url.appendingPathComponent("02-second.md"), atomically: true, encoding: .utf8)
        let result = try PoolschoolProcess.run(["lint", folder.path + "/02-second.md"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("02-second.md:6: requires unknown lesson '00-gone'"))
        #expect(!result.stdout.contains("'01-first'"), "\(result.stdout)")
    }
}
