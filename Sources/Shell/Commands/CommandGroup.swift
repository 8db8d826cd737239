/// The headings `help` groups commands under, in the order it lists them.
enum CommandGroup: String, CaseIterable, Sendable {
    case course
    case lab
    case exercises
    case meta

    var title: String {
        switch self {
        case .course: "Course"
        case .lab: "Lab"
        case .exercises: "Exercises"
        case .meta: "Meta"
        }
    }
}
