import Testing

@testable import Shell

@Suite struct SanitizerTests {
    @Test func leavesOrdinaryTextAlone() {
        let text = "Little's law: L = λW\n\tindented — ✓"
        #expect(Sanitizer.clean(text) == text)
    }

    @Test func showsControlsInsteadOfObeyingThem() {
        #expect(Sanitizer.clean("a\u{1B}[31mb") == "a^[[31mb")
        #expect(Sanitizer.clean("bell\u{07}") == "bell^G")
        #expect(Sanitizer.clean("del\u{7F}") == "del^?")
        #expect(Sanitizer.clean("csi\u{9B}2J") == "csi\\u{9B}2J")
        #expect(Sanitizer.clean("cr\r") == "cr^M")
    }

    @Test func visibleWidthIgnoresOurEscapesAndCountsWideCharacters() {
        #expect(Sanitizer.visibleWidth("\u{1B}[1mbold\u{1B}[0m") == 4)
        #expect(Sanitizer.visibleWidth("表") == 2)
        #expect(Sanitizer.visibleWidth("é") == 1)
    }
}
