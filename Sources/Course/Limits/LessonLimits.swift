/// How big a lesson may be. A lesson is data an instructor (or anyone) writes; these bounds keep lint and
/// the shell's start-up fast and within the stack whatever a file contains, and each is reported with
/// what is accepted (Lessons/README.md, "Limits").
public enum LessonLimits {
    /// Bytes read from one lesson file; a bigger file is reported, not read.
    public static let fileBytes = 1 << 20
    /// Bytes in one fenced YAML block (front matter, question, lab).
    public static let yamlBlockBytes = 64 * 1024
    /// Nesting of YAML lists and maps, and of indentation, in one block.
    public static let yamlDepth = 16
    /// Questions in one lesson.
    public static let questionsPerLesson = 200
    /// Hints in one question's ladder.
    public static let hintsPerQuestion = 20
    /// Params in one lesson.
    public static let paramsPerLesson = 200
    /// Characters in one answer expression.
    public static let expressionCharacters = 400
    /// Nesting of parentheses, function calls, powers and signs in one expression.
    public static let expressionDepth = 32
    /// Values one param may take (`LOW..HIGH step S`).
    public static let paramChoices = 100_000
    /// Lab blocks in one lesson (lint runs each in a fresh world).
    public static let labsPerLesson = 20
    /// Requests one `load` step may run: lint runs every step, and a lesson should lint in seconds.
    public static let labLoadRequests = 100_000
    /// Steps in one lab block.
    public static let labSteps = 50
    /// Characters in one lab step.
    public static let labStepCharacters = 200
}
