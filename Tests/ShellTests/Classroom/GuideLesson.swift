import Foundation
import Testing

/// A lesson written from Lessons/README.md alone, as a new instructor would: four pages, a question of every
/// kind (three with hidden keys, hashed with `poolschool lint --hash-answer`), params, hints, explanations, a
/// `range`, and three labs (two on one page), each with an id. Written into a scratch lessons folder.
struct GuideLesson {
    let folder: LessonFolder
    var file: String { folder.path + "/90-from-the-guide.md" }

    /// `lab2Expect` is the second lab's expectation, so a test can make it fail.
    init(lab2Expect: String = "waiting == 5") throws {
        folder = try LessonFolder()
        let choiceHash = try Self.hash("c", salt: "pepper", ["--kind", "choice"])
        let numberHash = try Self.hash("40", salt: "salt-2", ["--kind", "numeric", "--unit", "connections"])
        let textHash = try Self.hash("discard all", salt: "salt-3", ["--kind", "text"])
        let text = """
            ---
            id: 90-from-the-guide
            title: Written from the guide
            order: 90
            sources: [000_22c4aaef30b0489c.txt]
            minutes: 10
            ---

            # Setup and queries

            Opening a connection takes **setup** time; the query then takes its own.

            ```params
            setup = 12..24 ms step 2
            query = 6 ms
            pool = 10..40 step 5
            ```

            ```question
            id: share
            kind: numeric
            prompt: Setup takes {setup} and the query {query}. What share of the request is setup?
            answer: = setup / (setup + query)
            unit: "%"
            tolerance: 0.5
            range: 0..100
            ```

            ```hint
            The whole request is setup plus query.
            ```

            ```explain
            Share = setup ÷ (setup + query).
            ```

            ```question
            id: fixed
            kind: numeric
            prompt: How long does a query of {query} take, in milliseconds?
            answer: 6 ms
            unit: ms
            ```

            ---

            # Modes

            ```question
            id: mode
            kind: choice
            prompt: Which PgBouncer mode refuses BEGIN?
            choices: [session, transaction, statement]
            answer-hash: \(choiceHash)
            salt: pepper
            ```

            ```hint
            It is the strictest mode.
            ```

            ```question
            id: pick
            kind: multi
            prompt: Which of these does DISCARD ALL clear?
            choices: [prepared statements, temporary tables, the database itself]
            answer: [a, b]
            ```

            ```question
            id: word
            kind: text
            prompt: Which statement resets a session?
            accept: [discard all]
            patterns: ["discard\\\\s+all;?"]
            ```

            ```question
            id: steps
            kind: order
            prompt: Put a borrow in order.
            items: [ask the pool, get a connection, run the query, give it back]
            ```

            ---

            # Two labs on one page

            ```lab
            id: desk-thirty
            scenario: reservation-desk
            steps:
              - burst 30
              - stats
            expect:
              - active == 25
              - waiting == 5
            observe: Twenty-five hold a connection, five wait.
            ```

            ```lab
            id: desk-again
            scenario: reservation-desk
            steps:
              - burst 30
            expect:
              - \(lab2Expect)
            ```

            ---

            # Hidden keys

            ```question
            id: hidden-number
            kind: numeric
            prompt: How many connections does a pool of forty hold when full?
            unit: connections
            answer-hash: \(numberHash)
            salt: salt-2
            ```

            ```question
            id: hidden-text
            kind: text
            prompt: Which statement resets a session?
            answer-hash: \(textHash)
            salt: salt-3
            ```

            ```hint
            Two words: DISCARD ALL.
            ```

            ```lab
            id: one-borrow
            scenario: reservation-desk
            steps:
              - borrow as a
            expect:
              - active == 1
            ```

            """
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }

    func remove() { folder.remove() }

    /// The key an instructor computes as the guide says:
    /// `poolschool lint --hash-answer ANSWER --salt SALT --kind KIND [--unit UNIT]`.
    static func hash(_ answer: String, salt: String, _ kind: [String]) throws -> String {
        let result = try PoolschoolProcess.run(["lint", "--hash-answer", answer, "--salt", salt] + kind)
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
