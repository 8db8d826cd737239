/// A report from `ReportJSON`'s tree, field for field as `Codable` reads it: nil where `JSONDecoder` would fail,
/// so a file this gives up on is decoded again by `JSONDecoder` to say why.
extension LearnerReport {
    init?(json: ReportJSON) {
        guard let format = json["format"]?.string, let version = json["version"]?.int,
            let learner = json["learner"]?.string, let lessons = json["lessons"]?.array?.map(LessonRecord.init(json:)),
            let exercises = json["exercises"]?.array?.map(ExerciseRecord.init(json:)),
            let totals = json["totals"].flatMap(Totals.init(json:)), !lessons.contains(where: { $0 == nil }),
            !exercises.contains(where: { $0 == nil })
        else { return nil }
        self.format = format
        self.version = version
        self.learner = learner
        self.lessons = lessons.compactMap { $0 }
        self.exercises = exercises.compactMap { $0 }
        self.totals = totals
    }
}

extension LearnerReport.LessonRecord {
    init?(json: ReportJSON) {
        guard let id = json["id"]?.string, let title = json["title"]?.string, let pages = json["pages"]?.int,
            let pagesSeen = json["pagesSeen"]?.int,
            let questions = json["questions"]?.array?.map(LearnerReport.QuestionRecord.init(json:)),
            let labs = json["labs"]?.array?.map(LearnerReport.LabRecord.init(json:)),
            !questions.contains(where: { $0 == nil }), !labs.contains(where: { $0 == nil })
        else { return nil }
        self.init(
            id: id, title: title, pages: pages, pagesSeen: pagesSeen, questions: questions.compactMap { $0 },
            labs: labs.compactMap { $0 })
    }
}

extension LearnerReport.QuestionRecord {
    init?(json: ReportJSON) {
        guard let id = json["id"]?.string, let version = json["version"]?.string,
            let attempts = json["attempts"]?.int, let hints = json["hints"]?.int,
            let explained = json["explained"]?.bool, let right = json["right"]?.bool,
            let earlier = json["earlier"]?.array?.map(LearnerReport.EarlierRecord.init(json:)),
            !earlier.contains(where: { $0 == nil })
        else { return nil }
        // Optional, as Codable reads it: absent or null is nil, anything but a string is an error.
        var answered: String?
        switch json["answeredVersion"] {
        case nil, .null?: answered = nil
        case .string(let text)?: answered = text
        default: return nil
        }
        self.init(
            id: id, version: version, answeredVersion: answered, attempts: attempts, hints: hints,
            explained: explained, right: right, earlier: earlier.compactMap { $0 })
    }
}

extension LearnerReport.EarlierRecord {
    init?(json: ReportJSON) {
        guard let attempts = json["attempts"]?.int, let hints = json["hints"]?.int,
            let explained = json["explained"]?.bool, let right = json["right"]?.bool
        else { return nil }
        var version: String?
        switch json["version"] {
        case nil, .null?: version = nil
        case .string(let text)?: version = text
        default: return nil
        }
        self.init(version: version, attempts: attempts, hints: hints, explained: explained, right: right)
    }
}

extension LearnerReport.LabRecord {
    init?(json: ReportJSON) {
        guard let id = json["id"]?.string, let page = json["page"]?.int, let scenario = json["scenario"]?.string,
            let passed = json["passed"]?.bool
        else { return nil }
        self.init(id: id, page: page, scenario: scenario, passed: passed)
    }
}

extension LearnerReport.ExerciseRecord {
    init?(json: ReportJSON) {
        guard let name = json["name"]?.string, let title = json["title"]?.string,
            let points = json["points"]?.int, let score = json["score"]?.int, let status = json["status"]?.string,
            let hints = json["hints"]?.int, let rules = json["rules"]?.array
        else { return nil }
        var read: [ExerciseRun.Rule] = []
        for rule in rules {
            guard let name = rule["name"]?.string, let passed = rule["passed"]?.bool,
                let reached = rule["reached"]?.bool
            else { return nil }
            read.append(ExerciseRun.Rule(name: name, passed: passed, reached: reached))
        }
        self.init(name: name, title: title, points: points, score: score, status: status, hints: hints, rules: read)
    }
}

extension LearnerReport.Totals {
    init?(json: ReportJSON) {
        guard let questions = json["questions"]?.int, let right = json["right"]?.int,
            let explained = json["explained"]?.int, let labs = json["labs"]?.int,
            let labsPassed = json["labsPassed"]?.int, let points = json["points"]?.int,
            let maxPoints = json["maxPoints"]?.int
        else { return nil }
        self.init(
            questions: questions, right: right, explained: explained, labs: labs, labsPassed: labsPassed,
            points: points, maxPoints: maxPoints)
    }
}
