import Course
import Testing

@testable import Shell

@Suite struct EditDistanceTests {
    @Test(arguments: [
        ("borrow", "borrow", 0), ("borow", "borrow", 1), ("relaese", "release", 1), ("", "abc", 3),
        ("kitten", "sitting", 3), ("QUIT", "quit", 0),
    ])
    func distances(a: String, b: String, expected: Int) {
        #expect(EditDistance.between(a, b) == expected)
    }

    @Test func suggestsOnlyWhatIsCloseEnough() {
        let names = ["borrow", "release", "leak", "lessons", "quit"]
        #expect(EditDistance.suggestion(for: "borow", among: names) == "borrow")
        #expect(EditDistance.suggestion(for: "relaese", among: names) == "release")
        #expect(EditDistance.suggestion(for: "lesso", among: names) == "lessons")
        #expect(EditDistance.suggestion(for: "zzz", among: names) == nil)
    }
}
