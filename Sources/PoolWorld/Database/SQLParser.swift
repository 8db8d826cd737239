extension SQLStatement {
    /// Parses one statement of the fake server's dialect (see the cases of `SQLStatement`).
    ///
    /// Keywords are case-insensitive and a trailing semicolon is ignored. Text the server would not
    /// understand fails the way PostgreSQL fails: `syntax error at or near "FOO"`.
    /// - Throws: `DatabaseError` with PostgreSQL's text.
    public init(parsing text: String) throws(DatabaseError) {
        var body = text.trimmingWhitespace()
        while body.hasSuffix(";") { body = String(body.dropLast()).trimmingWhitespace() }
        let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        guard let first = words.first else { throw DatabaseError.syntaxError(near: "") }
        let keyword = first.uppercased()
        let rest = words.dropFirst().joined(separator: " ")
        switch keyword {
        case "BEGIN":
            self = .begin
        case "START" where rest.uppercased().hasPrefix("TRANSACTION"):
            self = .begin
        case "COMMIT", "END":
            self = .commit
        case "ROLLBACK", "ABORT":
            self = .rollback
        case "SET":
            self = try Self.parseSet(rest)
        case "RESET":
            guard let name = words.dropFirst().first else { throw DatabaseError.syntaxError(near: "") }
            self = name.uppercased() == "ALL" ? .reset(name: nil) : .reset(name: name.lowercased())
        case "SHOW":
            guard let name = words.dropFirst().first else { throw DatabaseError.syntaxError(near: "") }
            self = .show(name: name.lowercased())
        case "PREPARE":
            self = try Self.parsePrepare(Array(words.dropFirst()))
        case "EXECUTE":
            guard let name = words.dropFirst().first else { throw DatabaseError.syntaxError(near: "") }
            self = .execute(name: Self.identifier(name))
        case "DEALLOCATE":
            var names = Array(words.dropFirst())
            if names.first?.uppercased() == "PREPARE" { names.removeFirst() }
            guard let name = names.first else { throw DatabaseError.syntaxError(near: "") }
            self = name.uppercased() == "ALL" ? .deallocate(name: nil) : .deallocate(name: Self.identifier(name))
        case "CREATE":
            self = try Self.parseCreate(Array(words.dropFirst()))
        case "INSERT":
            let parts = Array(words.dropFirst())
            guard parts.count >= 2, parts[0].uppercased() == "INTO" else {
                throw DatabaseError.syntaxError(near: parts.first ?? "")
            }
            self = .insert(table: Self.identifier(parts[1]))
        case "LISTEN":
            guard let channel = words.dropFirst().first else { throw DatabaseError.syntaxError(near: "") }
            self = .listen(channel: Self.identifier(channel))
        case "UNLISTEN":
            guard let channel = words.dropFirst().first else { throw DatabaseError.syntaxError(near: "") }
            self = channel == "*" ? .unlisten(channel: nil) : .unlisten(channel: Self.identifier(channel))
        case "NOTIFY":
            self = try Self.parseNotify(rest)
        case "DISCARD":
            switch rest.uppercased() {
            case "ALL": self = .discardAll
            case "PLANS": self = .discardPlans
            default: throw DatabaseError.syntaxError(near: rest)
            }
        case "DECLARE":
            self = try Self.parseDeclare(Array(words.dropFirst()))
        case "FETCH":
            self = try Self.parseFetch(Array(words.dropFirst()))
        case "CLOSE":
            guard let name = words.dropFirst().first else { throw DatabaseError.syntaxError(near: "") }
            self = name.uppercased() == "ALL" ? .closeCursor(name: nil) : .closeCursor(name: Self.identifier(name))
        case "LOAD":
            // PostgreSQL takes a string literal only: `LOAD auto_explain` is a syntax error.
            guard rest.count > 2, rest.hasPrefix("'"), rest.hasSuffix("'") else {
                throw DatabaseError.syntaxError(near: words.dropFirst().first ?? "")
            }
            self = .load(library: Self.unquote(rest))
        case "SELECT":
            self = try Self.parseSelect(rest, original: String(body.dropFirst(first.count)).trimmingWhitespace())
        default:
            throw DatabaseError.syntaxError(near: first)
        }
    }

    /// PostgreSQL folds unquoted identifiers to lower case and keeps quoted ones as written.
    static func identifier(_ raw: String) -> String {
        var name = raw
        while name.hasSuffix(",") || name.hasSuffix("(") { name.removeLast() }
        if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
            return String(name.dropFirst().dropLast())
        }
        return name.lowercased()
    }

    /// A SET value or LOAD library: a 'string' or a "quoted identifier" loses its quotes.
    private static func unquote(_ raw: String) -> String {
        let value = raw.trimmingWhitespace()
        if value.count >= 2,
            (value.hasPrefix("'") && value.hasSuffix("'")) || (value.hasPrefix("\"") && value.hasSuffix("\""))
        {
            return String(value.dropFirst().dropLast())
        }
        return value
    }

    private static func parseSet(_ rest: String) throws(DatabaseError) -> SQLStatement {
        var text = rest
        var local = false
        if text.uppercased().hasPrefix("LOCAL ") {
            local = true
            text = String(text.dropFirst(6))
        } else if text.uppercased().hasPrefix("SESSION ") {
            text = String(text.dropFirst(8))
        }
        let name: String
        let value: String
        if let equals = text.firstIndex(of: "=") {
            name = String(text[..<equals]).trimmingWhitespace()
            value = unquote(String(text[text.index(after: equals)...]))
        } else {
            let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard words.count >= 3, words[1].uppercased() == "TO" else {
                throw DatabaseError.syntaxError(near: words.dropFirst().first ?? text)
            }
            name = words[0]
            value = unquote(words.dropFirst(2).joined(separator: " "))
        }
        guard !name.isEmpty, !value.isEmpty else { throw DatabaseError.syntaxError(near: text) }
        return .set(name: name.lowercased(), value: value, local: local)
    }

    private static func parsePrepare(_ words: [String]) throws(DatabaseError) -> SQLStatement {
        guard words.count >= 3 else { throw DatabaseError.syntaxError(near: words.last ?? "") }
        guard let asIndex = words.firstIndex(where: { $0.uppercased() == "AS" }), asIndex >= 1 else {
            throw DatabaseError.syntaxError(near: words[1])
        }
        let name = identifier(String(words[0].prefix { $0 != "(" }))
        let inner = try SQLStatement(parsing: words[(asIndex + 1)...].joined(separator: " "))
        return .prepare(name: name, statement: inner)
    }

    private static func parseCreate(_ words: [String]) throws(DatabaseError) -> SQLStatement {
        guard words.count >= 3 else { throw DatabaseError.syntaxError(near: words.last ?? "") }
        let kind = words[0].uppercased()
        guard kind == "TEMP" || kind == "TEMPORARY", words[1].uppercased() == "TABLE" else {
            throw DatabaseError.syntaxError(near: words[0])
        }
        let name = String(words[2].prefix { $0 != "(" })
        let upper = words.map { $0.uppercased() }
        guard let on = upper.lastIndex(of: "ON"), on + 1 < upper.count, upper[on + 1] == "COMMIT" else {
            return .createTempTable(name: identifier(name))
        }
        let action = upper[(on + 2)...].joined(separator: " ")
        guard let onCommit = SQLStatement.OnCommit(rawValue: action) else {
            throw DatabaseError.syntaxError(near: on + 2 < words.count ? words[on + 2] : "COMMIT")
        }
        return .createTempTableOnCommit(name: identifier(name), onCommit: onCommit)
    }

    /// `DECLARE name [BINARY] [NO] [SCROLL] CURSOR [WITH HOLD | WITHOUT HOLD] FOR query`.
    private static func parseDeclare(_ words: [String]) throws(DatabaseError) -> SQLStatement {
        let upper = words.map { $0.uppercased() }
        guard let name = words.first, let cursor = upper.firstIndex(of: "CURSOR"), cursor >= 1,
            let forIndex = upper.firstIndex(of: "FOR"), forIndex > cursor, forIndex + 1 < words.count
        else { throw DatabaseError.syntaxError(near: words.last ?? "") }
        for option in upper[1..<cursor] where !["BINARY", "NO", "SCROLL", "INSENSITIVE", "ASENSITIVE"].contains(option)
        {
            throw DatabaseError.syntaxError(near: option)
        }
        let hold: Bool
        switch upper[(cursor + 1)..<forIndex].joined(separator: " ") {
        case "", "WITHOUT HOLD": hold = false
        case "WITH HOLD": hold = true
        default: throw DatabaseError.syntaxError(near: words[cursor + 1])
        }
        let query = try SQLStatement(parsing: words[(forIndex + 1)...].joined(separator: " "))
        switch query {
        case .selectValue, .selectFrom, .generateSeries: break
        default: throw DatabaseError.syntaxError(near: words[forIndex + 1])
        }
        return .declareCursor(name: identifier(name), hold: hold, query: query)
    }

    /// `FETCH [NEXT | FORWARD | count | FORWARD count | ALL | FORWARD ALL] [FROM | IN] name`.
    private static func parseFetch(_ words: [String]) throws(DatabaseError) -> SQLStatement {
        var parts = words
        guard let name = parts.popLast() else { throw DatabaseError.syntaxError(near: "") }
        if let last = parts.last?.uppercased(), last == "FROM" || last == "IN" { parts.removeLast() }
        let direction = parts.map { $0.uppercased() }.filter { $0 != "FORWARD" }
        let count: Int?
        switch direction.count {
        case 0: count = 1
        case 1:
            if direction[0] == "NEXT" {
                count = 1
            } else if direction[0] == "ALL" {
                count = nil
            } else if let number = Int(direction[0]), number >= 0 {
                count = number
            } else {
                throw DatabaseError.syntaxError(near: parts[parts.count - 1])
            }
        default: throw DatabaseError.syntaxError(near: parts[1])
        }
        return .fetch(cursor: identifier(name), count: count)
    }

    private static func parseNotify(_ rest: String) throws(DatabaseError) -> SQLStatement {
        let parts = rest.split(separator: ",", maxSplits: 1).map { String($0).trimmingWhitespace() }
        guard let channel = parts.first, !channel.isEmpty else { throw DatabaseError.syntaxError(near: "") }
        return .notify(channel: identifier(channel), payload: parts.count > 1 ? unquote(parts[1]) : "")
    }

    private static func parseSelect(_ rest: String, original: String) throws(DatabaseError) -> SQLStatement {
        let compact = rest.filter { $0 != " " }
        let lower = compact.lowercased()
        if let argument = call(lower, compact, "work") {
            do {
                return .work(try SimDuration(parsing: argument))
            } catch {
                throw DatabaseError(.error, "22023", "invalid work duration \"\(argument)\": write e.g. work(5ms)")
            }
        }
        if let argument = call(lower, compact, "pg_sleep") {
            guard let seconds = Double(argument), seconds.isFinite else {
                throw DatabaseError(.error, "22P02", "invalid input syntax for type double precision: \"\(argument)\"")
            }
            guard seconds <= InputLimits.longestDuration.seconds else {
                throw DatabaseError(
                    .error, "22023",
                    "pg_sleep(\(argument)) sleeps longer than the world allows: use 0 to \(InputLimits.longestDuration.nanoseconds / 1_000_000_000) seconds"
                )
            }
            return .sleep(.seconds(max(0, seconds)))
        }
        for (name, make) in [
            ("pg_advisory_lock", SQLStatement.advisoryLock),
            ("pg_try_advisory_lock", SQLStatement.tryAdvisoryLock),
            ("pg_advisory_unlock", SQLStatement.advisoryUnlock),
        ] {
            if let argument = call(lower, compact, name) {
                guard let key = Int64(argument) else {
                    throw DatabaseError(.error, "22P02", "invalid input syntax for type bigint: \"\(argument)\"")
                }
                return make(key)
            }
        }
        if let argument = call(lower, compact, "generate_series") {
            let bounds = argument.split(separator: ",").map { Int($0) }
            guard bounds.count == 2, let from = bounds[0], let to = bounds[1] else {
                throw DatabaseError(.error, "22P02", "invalid input syntax for type integer: \"\(argument)\"")
            }
            return .generateSeries(from: from, to: to)
        }
        let words = rest.split(separator: " ").map(String.init)
        if let fromIndex = words.firstIndex(where: { $0.uppercased() == "FROM" }), fromIndex + 1 < words.count {
            return .selectFrom(table: identifier(words[fromIndex + 1]))
        }
        if lower.hasSuffix("/0") { return .divisionByZero }
        guard !compact.isEmpty else { throw DatabaseError.syntaxError(near: "SELECT") }
        if let text = stringLiteral(original) { return .selectValue(text) }
        return .selectValue(rest.trimmingWhitespace())
    }

    /// The value of a whole 'string literal' as PostgreSQL returns it (`'it''s  here'` → `it's  here`), or nil
    /// when `text` is not exactly one.
    static func stringLiteral(_ text: String) -> String? {
        guard text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") else { return nil }
        let inner = text.dropFirst().dropLast()
        var value = ""
        var pendingQuote = false
        for character in inner {
            if pendingQuote {
                guard character == "'" else { return nil }
                value.append("'")
                pendingQuote = false
            } else if character == "'" {
                pendingQuote = true
            } else {
                value.append(character)
            }
        }
        return pendingQuote ? nil : value
    }

    /// The argument of `name(argument)` if `lower` is exactly such a call.
    private static func call(_ lower: String, _ original: String, _ name: String) -> String? {
        guard lower.hasPrefix(name + "("), lower.hasSuffix(")") else { return nil }
        return String(original.dropFirst(name.count + 1).dropLast())
    }
}
