/// Keeps a lesson's answer patterns (regular expressions, which the learner's input is matched against)
/// from backtracking for ever: a repeated group that itself repeats or alternates (`(a+)+`, `(a|a)*`) takes
/// exponential time, and many unbounded repetitions (`a*a*a*a*b`) a high power of the input's length.
/// With these refused and answers bounded (`longestAnswer`), every match is quick.
public enum PatternGuard {
    /// Characters in one pattern.
    public static let longestPattern = 200
    /// Unbounded repetitions (`*`, `+`, `{n,}`) in one pattern.
    public static let repetitions = 3
    /// Characters of a typed answer that are matched against patterns.
    public static let longestAnswer = 200

    /// Why `pattern` may not be used, or nil.
    public static func problem(_ pattern: String) -> String? {
        guard pattern.count <= longestPattern else {
            return "is \(pattern.count) characters long; at most \(longestPattern)"
        }
        let characters = Array(pattern)
        // Per open group: whether it holds a quantifier or an alternation.
        var groups: [(quantified: Bool, alternates: Bool)] = [(false, false)]
        var unbounded = 0
        var index = 0
        var lastGroup: (quantified: Bool, alternates: Bool)?
        while index < characters.count {
            let character = characters[index]
            var closed: (quantified: Bool, alternates: Bool)?
            switch character {
            case "\\":
                index += 1
            case "[":
                // A class is one atom: skip to its closing bracket.
                index += 1
                if index < characters.count, characters[index] == "]" { index += 1 }
                while index < characters.count, characters[index] != "]" {
                    if characters[index] == "\\" { index += 1 }
                    index += 1
                }
            case "(":
                groups.append((false, false))
                // `(?:`, `(?=`, `(?<name>`: the `?` opens a kind of group, it repeats nothing.
                if index + 1 < characters.count, characters[index + 1] == "?" { index += 2 }
            case ")":
                if groups.count > 1 { closed = groups.removeLast() }
            case "|":
                groups[groups.count - 1].alternates = true
            case "*", "+", "?", "{":
                let isUnbounded =
                    character == "*" || character == "+" || (character == "{" && opensUnbounded(characters, index))
                if isUnbounded {
                    unbounded += 1
                    if let group = lastGroup, group.quantified || group.alternates {
                        return
                            "repeats a group that itself repeats or alternates (like (a+)+ or (a|b)*), which can take "
                            + "exponential time; write it without repeating that group"
                    }
                }
                groups[groups.count - 1].quantified = true
            default:
                break
            }
            if let closed {
                groups[groups.count - 1].quantified = groups[groups.count - 1].quantified || closed.quantified
                lastGroup = closed
            } else if !"*+?{}".contains(character) {
                lastGroup = nil
            }
            index += 1
        }
        guard unbounded <= repetitions else {
            return "has \(unbounded) unbounded repetitions (*, +, {n,}); at most \(repetitions)"
        }
        return nil
    }

    /// `{2,}` repeats without bound; `{2}` and `{2,5}` do not.
    private static func opensUnbounded(_ characters: [Character], _ start: Int) -> Bool {
        var index = start + 1
        var text = ""
        while index < characters.count, characters[index] != "}" {
            text.append(characters[index])
            index += 1
        }
        return text.hasSuffix(",")
    }
}
