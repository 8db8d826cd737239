import Foundation

/// A scratch lessons folder for lint and shell tests, removed by `remove()`.
struct LessonFolder {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `NAME.md` with front matter (id NAME, order `order`) and `body`.
    func write(_ name: String, order: Int = 1, body: String) throws {
        let text = "---\nid: \(name)\ntitle: \(name)\norder: \(order)\nsources: [a.txt]\n---\n" + body
        try text.write(to: url.appendingPathComponent(name + ".md"), atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    /// `poolschool lint` over the folder: its `file:line: message` lines.
    func lint() throws -> (lines: [String], status: Int32) {
        let result = try PoolschoolProcess.run(["lint", path])
        return (result.stdout.split(separator: "\n").map(String.init), result.status)
    }
}
