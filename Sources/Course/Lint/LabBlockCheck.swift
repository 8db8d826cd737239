/// What only the lesson around a lab block can show: two labs with one id (progress and `lab check ID` could
/// not tell them apart), and a `predict` that names no question asked before the lab.
struct LabBlockCheck {
    let lesson: Lesson

    func diagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var asked: [String] = []
        var labs: [String: Int] = [:]
        for page in lesson.pages {
            for block in page.blocks {
                switch block {
                case .question(let question):
                    asked.append(question.id)
                case .lab(let lab):
                    if let first = labs[lab.id] {
                        diagnostics.append(
                            report(
                                lab.line(of: "id"),
                                "two labs named '\(lab.id)' (also at line \(first)); give each an 'id:' of its own",
                                code: "duplicate-lab-id"))
                    } else {
                        labs[lab.id] = lab.line(of: "id")
                    }
                    if let predict = lab.predict, !asked.contains(predict) {
                        let later = lesson.question(id: predict) != nil
                        diagnostics.append(
                            report(
                                lab.line(of: "predict"),
                                later
                                    ? "lab predict '\(predict)' is asked after the lab; put the question before it"
                                    : "lab predict '\(predict)' is not a question asked before this lab"
                                        + (EditDistance.suggestion(for: predict, among: asked).map {
                                            "; did you mean '\($0)'?"
                                        } ?? ""),
                                code: "lab-predict"))
                    }
                default:
                    continue
                }
            }
        }
        return diagnostics
    }

    private func report(_ line: Int, _ message: String, code: String) -> Diagnostic {
        Diagnostic(file: lesson.file, line: line, code: code, message: message)
    }
}
