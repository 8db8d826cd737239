import Testing

@testable import Shell

@Suite struct MarkdownRendererTests {
    let plain = MarkdownRenderer(width: 40, style: Style(enabled: false))
    let coloured = MarkdownRenderer(width: 40, style: Style(enabled: true))

    /// What a colour terminal receives: style markers become escapes only on the way out.
    func onTerminal(_ text: String) -> String {
        GatedOutput.render(text, colour: true)
    }

    @Test func headingsAreUnderlinedTheSameWithOrWithoutColour() {
        #expect(
            plain.render("# Pool sizing\n\n## Little's law")
                == "Pool sizing\n===========\n\nLittle's law\n------------\n")
        #expect(onTerminal(coloured.render("# Pool sizing")).contains("\u{1B}[1mPool sizing\u{1B}[0m"))
    }

    @Test func paragraphsWrapToTheWidthAndJoinSoftBreaks() {
        let text = "A pool is a reservation desk: it lends a connection,\nand takes it back when you are done with it."
        let lines = plain.render(text).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines.joined(separator: " ") == text.replacingOccurrences(of: "\n", with: " "))
    }

    @Test func emphasisIsDecorationOnly() {
        #expect(
            plain.render("Use **max_size** and *min_idle*, not `SELECT 1`.")
                == "Use max_size and min_idle, not SELECT 1.\n")
        let styled = onTerminal(coloured.render("**bold**, *it*"))
        #expect(styled == "\u{1B}[1mbold\u{1B}[0m, \u{1B}[3mit\u{1B}[0m\n")
    }

    @Test func snakeCaseIsNotEmphasis() {
        #expect(plain.render("max_connections, idle_session_timeout") == "max_connections, idle_session_timeout\n")
    }

    @Test func listsGetBulletsAndAHangingIndent() {
        let rendered = plain.render("- first item that is long enough to wrap around the edge\n- second\n  1. nested")
        #expect(
            rendered == """
                • first item that is long enough to wrap
                  around the edge
                • second
                  1. nested

                """)
    }

    @Test func codeBlocksKeepTheirLinesIndented() {
        #expect(
            plain.render("Run:\n\n```sh\nmake test\n  make run\n```\nDone.")
                == "Run:\n\n    make test\n      make run\n\nDone.\n")
    }

    @Test func tablesAlignTheirColumns() {
        let table = "| Pool | max |\n|:-----|----:|\n| HikariCP | 10 |\n| pgxpool | 4 |"
        #expect(
            plain.render(table) == """
                Pool     │ max
                ─────────┼────
                HikariCP │  10
                pgxpool  │   4

                """)
    }

    @Test func wideTablesShrinkToTheTerminal() {
        let row = "| " + String(repeating: "word ", count: 12) + "| short |"
        let rendered = plain.render("| a | b |\n|---|---|\n" + row)
        for line in rendered.split(separator: "\n") {
            #expect(Sanitizer.visibleWidth(String(line)) <= 40)
        }
        #expect(rendered.contains("short"))
    }

    @Test func quotesAndRulesAreMarked() {
        #expect(plain.render("> keep pools small") == "│ keep pools small\n")
        #expect(plain.render("---") == String(repeating: "─", count: 40) + "\n")
    }

    @Test func linksShowTheirAddress() {
        #expect(
            plain.render("See [HikariCP](https://example.com/wiki).") == "See HikariCP (https://example.com/wiki).\n")
    }

    @Test func lessonTextCanNeverDriveTheTerminal() {
        let hostile = "# Title\u{1B}]0;pwned\u{07}\n\nclear \u{1B}[2J screen \u{9B}31m and **bold\u{1B}[5m**"
        for renderer in [plain, coloured] {
            let output = renderer.render(hostile)
            #expect(!output.contains("\u{07}"))
            #expect(!output.contains("\u{9B}"))
            #expect(!output.contains("\u{1B}]"))
            #expect(!output.contains("\u{1B}[2J"))
            #expect(!output.contains("\u{1B}[5m"))
        }
    }

    @Test func twoTrailingSpacesBreakTheLine() {
        #expect(plain.render("a) first  \nb) second") == "a) first\nb) second\n")
    }
}
