import Testing

@testable import Shell

@Suite struct TokenizerTests {
    @Test func splitsOnSpacesAndHonoursQuotesAndEscapes() throws {
        #expect(try Tokenizer.split("query c1   SELECT 1") == ["query", "c1", "SELECT", "1"])
        #expect(try Tokenizer.split(#"query c1 "SET x = 'a b'""#) == ["query", "c1", "SET x = 'a b'"])
        #expect(try Tokenizer.split("answer Little's law") == ["answer", "Little's", "law"])
        #expect(try Tokenizer.split(#"query a "SELECT 'x'""#) == ["query", "a", "SELECT 'x'"])
        #expect(try Tokenizer.split(#"a\ b c"#) == ["a b", "c"])
        #expect(try Tokenizer.split(#"empty """#) == ["empty", ""])
    }

    @Test func reportsAnUnterminatedQuote() {
        #expect(throws: ShellError.usage("unterminated double quote; close it with \"")) {
            try Tokenizer.split(#"query c1 "SELECT 1"#)
        }
    }
}
