/// Checks a YAML block's text before Yams reads it, for what no lesson needs and an attacker would use:
/// anchors and aliases (an alias bomb expands a dozen lines into billions of nodes), deep nesting (which
/// Yams reads by recursion) and sheer size.
enum YAMLGuard {
    /// The first problem, with the block's own line (1-based), or nil when the text may be parsed.
    static func problem(_ text: String, largest: Int = LessonLimits.yamlBlockBytes) -> (line: Int, message: String)? {
        if text.utf8.count > largest {
            return (1, "this block is \(text.utf8.count) bytes; at most \(largest)")
        }
        var flowDepth = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if nesting(of: line) > LessonLimits.yamlDepth {
                return (number, "nested more than \(LessonLimits.yamlDepth) levels deep; write flatter YAML")
            }
            let characters = Array(line)
            var quote: Character?
            // Whether a node may begin here: the start of the line, after `: `, `- `, `? ` or flow punctuation.
            var nodeStart = true
            for (position, character) in characters.enumerated() {
                let next = position + 1 < characters.count ? characters[position + 1] : " "
                if let open = quote {
                    if character == open { quote = nil }
                    continue
                }
                if character == " " || character == "\t" { continue }
                if character == "#", position == 0 || characters[position - 1] == " " { break }  // a comment
                if nodeStart, character == "\"" || character == "'" {
                    quote = character
                } else if nodeStart, character == "&" || character == "*", next != " " {
                    return (
                        number,
                        "YAML anchors and aliases ('&name', '*name') are not accepted; write the value out"
                    )
                } else if character == "[" || character == "{" {
                    flowDepth += 1
                    if flowDepth > LessonLimits.yamlDepth {
                        return (number, "nested more than \(LessonLimits.yamlDepth) levels deep; write flatter YAML")
                    }
                    nodeStart = true
                    continue
                } else if character == "]" || character == "}" {
                    flowDepth = max(0, flowDepth - 1)
                } else if character == "," && flowDepth > 0 {
                    nodeStart = true
                    continue
                } else if ":-?".contains(character), next == " " {
                    nodeStart = true
                    continue
                }
                nodeStart = false
            }
        }
        return nil
    }

    /// Indentation plus the `- ` and `? ` markers that open a nested list or key on the same line.
    private static func nesting(of line: Substring) -> Int {
        var columns = 0
        var levels = 0
        var rest = line[...]
        while let first = rest.first {
            if first == " " {
                columns += 1
            } else if (first == "-" || first == "?"), rest.dropFirst().first == " " {
                levels += 1
            } else {
                break
            }
            rest = rest.dropFirst()
        }
        // Two columns of indentation per level is the common style; count generously.
        return columns / 8 + levels
    }
}
