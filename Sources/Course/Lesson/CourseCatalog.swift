import Foundation

/// The lessons of a course folder, sorted by `order`, with the problems met reading them.
public struct CourseCatalog: Sendable {
    public let folder: String
    public let lessons: [Lesson]
    /// Problems that stopped a lesson from loading, or that lint reports.
    public let diagnostics: [Diagnostic]
    /// Lessons whose front matter is broken, read as far as they go: lint checks the rest of them, so a
    /// broken front matter does not hide every other problem. The shell never shows them.
    public internal(set) var drafts: [Lesson] = []
    /// The bibliography beside the lessons (`SOURCES.md`), if the course has one.
    public var sources: SourceList? = nil

    /// The folder named by `--lessons`, else `POOLSCHOOL_LESSONS`, else `Lessons/` here.
    public static func folder(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let variable = environment["POOLSCHOOL_LESSONS"], !variable.isEmpty { return variable }
        return "Lessons"
    }

    /// Reads every `*.md` in the folder except README.md and SOURCES.md. A missing folder is a diagnostic, not a crash.
    public static func load(folder: String) -> CourseCatalog {
        let found = lessonFiles(inFolder: folder)
        return load(files: found.files, folder: folder, extra: found.problems)
    }

    public static func load(files: [String], folder: String, extra: [Diagnostic] = []) -> CourseCatalog {
        var lessons: [Lesson] = []
        var drafts: [Lesson] = []
        var diagnostics = extra
        for file in files {
            let data: Data
            switch BoundedFile.read(file, limit: LessonLimits.fileBytes) {
            case .contents(let contents): data = contents
            case .missing:
                diagnostics.append(Diagnostic(file: file, line: 1, code: "file", message: "no such file"))
                continue
            case .refused(let reason), .tooLarge(let reason):
                diagnostics.append(Diagnostic(file: file, line: 1, code: "file", message: reason))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(
                    Diagnostic(file: file, line: 1, code: "file", message: "cannot be read as UTF-8 text"))
                continue
            }
            let reading = LessonParser.read(text, file: file)
            diagnostics += reading.diagnostics
            if let lesson = reading.lesson {
                lessons.append(lesson)
            } else if let draft = reading.draft {
                drafts.append(draft)
            }
        }
        lessons.sort { ($0.order, $0.id) < ($1.order, $1.id) }
        return CourseCatalog(
            folder: folder, lessons: lessons, diagnostics: diagnostics, drafts: drafts,
            sources: SourceList.load(folder: folder))
    }

    public static func lessonFiles(inFolder folder: String) -> (files: [String], problems: [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (
                [],
                [
                    Diagnostic(
                        file: folder, line: 1, code: "file",
                        message: "no such lessons folder; name one with --lessons DIR or POOLSCHOOL_LESSONS")
                ]
            )
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let files = names.filter { $0.hasSuffix(".md") && !["readme.md", "sources.md"].contains($0.lowercased()) }
            .sorted()
        return (files.map { (folder as NSString).appendingPathComponent($0) }, [])
    }

    public func lesson(id: String) -> Lesson? {
        lessons.first { $0.id == id }
    }
}
