/// The shell's exit status: 0 success, 1 a command failed, 2 a usage error (DESIGN.md, "The surface").
public enum ExitStatus: Int32, Comparable, Sendable {
    case success = 0
    case failure = 1
    case usage = 2

    public static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
