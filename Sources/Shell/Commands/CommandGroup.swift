/// The headings `help` groups commands under, in the order it lists them.
public enum CommandGroup: String, CaseIterable, Sendable {
    case course
    case lab
    case exercises
    case meta

    public var title: String {
        switch self {
        case .course: "Course"
        case .lab: "Lab"
        case .exercises: "Exercises"
        case .meta: "Meta"
        }
    }
}
