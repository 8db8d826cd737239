import Foundation

/// The toolkit's fenced blocks, each read into the page it is on.
extension LessonParser {
    mutating func handleBlock(_ kind: String, body: String, line: Int, page: inout Page) {
        switch kind {
        case "question": readQuestion(body, line: line, page: &page)
        case "hint", "explain": attach(kind, body: body, line: line, page: &page)
        case "params":
            let specs = readParams(body, line: line, quiet: false)
            page.blocks.append(.params(specs))
            page.lines.append(line)
        default:  // lab
            labCount += 1
            guard labCount <= LessonLimits.labsPerLesson else {
                if labCount == LessonLimits.labsPerLesson + 1 {
                    report(
                        line, "more than \(LessonLimits.labsPerLesson) lab blocks in one lesson; split it",
                        code: "limit")
                }
                return
            }
            let decoded = LabBlockDecoder.decode(body, line: line)
            decoded.problems.forEach { report($0) }
            if var lab = decoded.lab {
                if !lab.idIsExplicit {
                    unnamedLabs[lab.id, default: 0] += 1
                    if let count = unnamedLabs[lab.id], count > 1 { lab.id += "-\(count)" }
                }
                page.blocks.append(.lab(lab))
                page.lines.append(line)
            }
        }
    }

    /// A fence whose info string looks like a misspelt block kind: reported once, and what it held is
    /// remembered as broken so the blocks after it do not report its absence again.
    mutating func misspeltBlock(_ kind: String, body: String, line: Int) {
        let suggestion = EditDistance.suggestion(for: kind, among: Self.blockKinds)
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        report(
            line,
            "unknown block kind '\(kind)'\(hint) (blocks: \(Self.blockKinds.joined(separator: ", ")); or name a code language such as sh or sql)",
            code: "block-kind", column: 4)
        switch suggestion {
        case "question": anchor = .broken
        case "params": _ = readParams(body, line: line, quiet: true)
        default: break
        }
    }

    private mutating func readQuestion(_ body: String, line: Int, page: inout Page) {
        questionCount += 1
        anchor = .broken
        guard questionCount <= LessonLimits.questionsPerLesson else {
            if questionCount == LessonLimits.questionsPerLesson + 1 {
                report(
                    line, "more than \(LessonLimits.questionsPerLesson) questions in one lesson; split it",
                    code: "limit")
            }
            return
        }
        let block: YAMLBlock
        switch YAMLBlock.parse(body, offset: line) {
        case .failure(let error):
            report(error)
            return
        case .success(let parsed): block = parsed
        }
        var decoder = QuestionDecoder(block: block, line: line)
        let decoded = decoder.decode()
        decoder.problems.forEach { report($0) }
        guard var question = decoded else { return }
        question.isSound = decoder.problems.isEmpty
        if let first = questionLines[question.id] {
            report(
                question.line(of: "id"),
                "duplicate question id '\(question.id)' (also at line \(first)); progress is kept by lesson and question id, so the two would share one record",
                code: "duplicate-question-id")
        } else {
            questionLines[question.id] = question.line(of: "id")
        }
        anchor = .question(page.blocks.count)
        page.blocks.append(.question(question))
        page.lines.append(line)
    }

    private mutating func attach(_ kind: String, body: String, line: Int, page: inout Page) {
        let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
        guard case .question(let index) = anchor, case .question(var question) = page.blocks[index] else {
            if case .none = anchor {
                report(line, "this \(kind) block has no question above it on the same page", code: "orphan-block")
                // The blocks after it belong with it: one message for the lot.
                anchor = .broken
            }
            return
        }
        if text.isEmpty {
            report(line, "this \(kind) block is empty", code: "empty-block")
            return
        }
        if kind == "hint" {
            guard question.hints.count < LessonLimits.hintsPerQuestion else {
                report(
                    line, "question '\(question.id)' has more than \(LessonLimits.hintsPerQuestion) hints",
                    code: "limit")
                return
            }
            question.hints.append(text)
            question.hintLines.append(Self.firstTextLine(body, after: line))
        } else if let first = question.explanationLine {
            report(
                line, "question '\(question.id)' already has an explain block (line \(first)); merge them",
                code: "duplicate-explain")
        } else {
            question.explanation = text
            question.explanationLine = Self.firstTextLine(body, after: line)
        }
        page.blocks[index] = .question(question)
    }

    /// The file line of a block's first line of text (its body starts on the line after the fence).
    static func firstTextLine(_ body: String, after fence: Int) -> Int {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        return fence + 1 + (lines.firstIndex { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? 0)
    }

    /// Reads a params block; `quiet` for one whose fence was misspelt, to learn only which names it meant.
    mutating func readParams(_ body: String, line: Int, quiet: Bool) -> [ParamSpec] {
        var specs: [ParamSpec] = []
        for (offset, text) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let at = line + 1 + offset
            // The name as meant, even when the '=' is missing, so its uses are not reported again.
            let name = trimmed.split(whereSeparator: { $0 == "=" || $0.isWhitespace }).first.map(String.init)
            if quiet {
                if let name { unreadParams.insert(name) }
                continue
            }
            paramCount += 1
            guard paramCount <= LessonLimits.paramsPerLesson else {
                report(at, "more than \(LessonLimits.paramsPerLesson) params in one lesson", code: "limit")
                break
            }
            do {
                specs.append(try ParamSpec.parse(trimmed, line: at))
            } catch {
                report(at, "params: \(error.message)", code: "param")
                if let name { unreadParams.insert(name) }
            }
        }
        return specs
    }
}
