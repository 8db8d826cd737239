/// The run-time parameters a session may `SET`, with PostgreSQL's defaults.
///
/// Only a handful are known by name (the ones poolers care about); like PostgreSQL, any name with a dot
/// (`myapp.tenant`) is accepted as a custom setting.
enum SessionSettings {
    static let defaults: [String: String] = [
        "application_name": "",
        "client_encoding": "UTF8",
        "datestyle": "ISO, MDY",
        "default_transaction_isolation": "read committed",
        "idle_in_transaction_session_timeout": "0",
        "idle_session_timeout": "0",
        "lock_timeout": "0",
        "search_path": "\"$user\", public",
        "standard_conforming_strings": "on",
        "statement_timeout": "0",
        "timezone": "UTC",
        "work_mem": "4MB",
    ]

    static let timeoutNames: Set<String> = [
        "statement_timeout", "idle_session_timeout", "idle_in_transaction_session_timeout", "lock_timeout",
    ]

    /// Libraries `LOAD` can find, with the parameters each defines and their defaults. Until a library is
    /// loaded, its parameters are only placeholders: SET accepts them, SHOW of an unset one fails.
    static let libraries: [String: [String: String]] = [
        "auto_explain": [
            "auto_explain.log_min_duration": "-1", "auto_explain.log_analyze": "off",
            "auto_explain.log_nested_statements": "off",
        ],
        "passwordcheck": [:],
    ]

    static func isKnown(_ name: String) -> Bool {
        defaults[name] != nil || name.contains(".")
    }

    /// Parses a timeout as PostgreSQL does: a bare integer is milliseconds, `0` is off, units allowed.
    static func parseTimeout(_ value: String) -> SimDuration? {
        if let milliseconds = Int64(value) {
            return milliseconds >= 0 ? SimDuration(nanoseconds: milliseconds * 1_000_000) : nil
        }
        return try? SimDuration(parsing: value)
    }

    /// PostgreSQL's way of showing a timeout: `0`, `5ms`, `30s`, `10min`, `1h`.
    static func formatTimeout(_ duration: SimDuration) -> String {
        let milliseconds = duration.nanoseconds / 1_000_000
        if milliseconds == 0 { return "0" }
        if milliseconds % 3_600_000 == 0 { return "\(milliseconds / 3_600_000)h" }
        if milliseconds % 60_000 == 0 { return "\(milliseconds / 60_000)min" }
        if milliseconds % 1_000 == 0 { return "\(milliseconds / 1_000)s" }
        return "\(milliseconds)ms"
    }
}
