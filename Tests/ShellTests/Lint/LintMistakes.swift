/// The mistakes the corpus test makes, one at a time: every kind of block, key, question kind, lab, front
/// matter, page break, params and hashing.
extension LintMistake {
    static let modeKey = "1d2f54c6cea7be4b3a238974bddff08555418f5d3a1554bf7a1d0a307d8f8197"
    static let pickKey = "e6c15c26797c95dc00393edd18f370a925e780177282074f89ea8fc050d5c4b5"
    static let sizeKey = "2ab06a5b1889e097e0281b1d71989908b5b6ee91052894d9189e6c229ee50b33"

    static let frontMatter: [LintMistake] = [
        LintMistake(
            name: "front-matter key misspelt", replace: "order: 50\n", with: "ordr: 50\n", at: "ordr:",
            code: "unknown-key", says: "unknown front-matter key 'ordr'; did you mean 'order'?"),
        LintMistake(
            name: "front matter without a title", replace: "title: A lesson written from the guide alone\n", with: "",
            at: "---", code: "front-matter-missing", says: "front matter has no 'title'"),
        LintMistake(
            name: "order that is not a number", replace: "order: 50\n", with: "order: fifty\n", at: "order:",
            code: "front-matter-value", says: "order 'fifty' must be a whole number"),
        LintMistake(
            name: "front-matter line without its colon", replace: "order: 50\n", with: "order 50\n", at: "order 50",
            code: "yaml", says: "could not find expected ':'"),
        LintMistake(
            name: "front matter never closed", replace: "minutes: 15\n---\n", with: "minutes: 15\n", at: "---",
            code: "front-matter", says: "never closed; end it with a '---' line before line 8"),
        LintMistake(
            name: "front matter without sources", replace: "sources: [001_8729e3255cbd2dab.txt]\n", with: "", at: "---",
            code: "front-matter-missing", says: "front matter has no 'sources'; 'sources' lists the documents"),
        LintMistake(
            name: "minutes of zero", replace: "minutes: 15", with: "minutes: 0", at: "minutes: 0",
            code: "front-matter-value", says: "minutes '0' must be a positive whole number"),
        LintMistake(
            name: "lesson id with spaces", replace: "id: 50-guide-lesson", with: "id: 50 guide lesson",
            at: "id: 50 guide",
            code: "front-matter-value", says: "lesson id '50 guide lesson' may use only letters, digits"),
        LintMistake(
            name: "prerequisite no lesson has", replace: "minutes: 15\n", with: "minutes: 15\nrequires: [00-nowhere]\n",
            at: "requires:", code: "requires-unknown", says: "requires unknown lesson '00-nowhere'"),
        LintMistake(
            name: "front-matter key given twice", replace: "order: 50\n", with: "order: 50\norder: 51\n",
            at: "order: 51",
            code: "duplicate-key", says: "key 'order' is given twice (also at line 4)"),
    ]

    static let fences: [LintMistake] = [
        LintMistake(
            name: "front matter without its opening line", replace: "---\nid: 50-guide-lesson",
            with: "id: 50-guide-lesson",
            at: "id: 50-guide-lesson", code: "front-matter", says: "the front matter has no opening '---' line"),
        LintMistake(
            name: "front matter closed with '--'", replace: "minutes: 15\n---\n", with: "minutes: 15\n--\n",
            at: "--\n\n# What",
            code: "front-matter", says: "closing line must be exactly '---', not '--'"),
        LintMistake(
            name: "params block without its closing fence", replace: "pool = 10..40 step 5\n```\n",
            with: "pool = 10..40 step 5\n", at: "```params", code: "fence",
            says: "this ```params block is not closed before the ```question block at line 20"),
        LintMistake(
            name: "question block without its closing fence", replace: "tolerance: 0.5\n```\n",
            with: "tolerance: 0.5\n",
            at: "```question\nid: share", code: "fence",
            says: "this ```question block is not closed before the ```hint block at line 29"),
    ]

    static let blocks: [LintMistake] = [
        LintMistake(
            name: "params block without its opening fence", replace: "```params\n", with: "",
            at: "```\n\nEach of your requests", code: "fence",
            says: "takes in the ```question block at line 20; a fence line is missing"),
        LintMistake(
            name: "misspelt question fence", replace: "```question\nid: share", with: "```qestion\nid: share",
            at: "```qestion", code: "block-kind", says: "unknown block kind 'qestion'; did you mean 'question'?",
            column: 4),
        LintMistake(
            name: "misspelt params fence", replace: "```params\n", with: "```parms\n", at: "```parms",
            code: "block-kind", says: "unknown block kind 'parms'; did you mean 'params'?", column: 4),
        LintMistake(
            name: "fence never closed", replace: "observe: Ten requests come and go; nobody waits.\n```\n",
            with: "observe: Ten requests come and go; nobody waits.\n",
            at: "```lab\nscenario: reservation-desk\nsteps:\n  - burst 10",
            code: "fence", says: "this ``` block is never closed"),
        LintMistake(
            name: "two hints with no question above them",
            replace: "Start the lab, type the steps, then run `lab check`.\n",
            with:
                "Start the lab, type the steps, then run `lab check`.\n\n```hint\nA hint.\n```\n\n```hint\nAnother.\n```\n",
            at: "```hint\nA hint.",
            code: "orphan-block", says: "this hint block has no question above it on the same page"),
        LintMistake(
            name: "second explain block",
            replace: "Statement mode returns the server connection after every statement.\n```\n",
            with:
                "Statement mode returns the server connection after every statement.\n```\n\n```explain\nAgain.\n```\n",
            at: "```explain\nAgain.", code: "duplicate-explain",
            says: "question 'mode' already has an explain block (line 63); merge them"),
        LintMistake(
            name: "empty hint", replace: "The whole request is setup plus query.\n", with: "", at: "```hint\n```",
            code: "empty-block", says: "this hint block is empty"),
        LintMistake(
            name: "choice named by its letter in an explanation",
            replace: "Statement mode returns the server connection after every statement.",
            with: "(c) returns the server connection after every statement.", at: "(c) returns", code: "choice-letter",
            says: "refers to a choice by its letter, '(c)'"),
        LintMistake(
            name: "page break under a line of text", replace: "```\n\n---\n\n## Modes",
            with: "```\nThat is all for sizes.\n---\n\n## Modes", at: "---\n\n## Modes", code: "page-break",
            says: "'---' right under a line of text is not a page break", column: 1, severity: "warning"),
    ]

    static let questions: [LintMistake] = [
        LintMistake(
            name: "question key misspelt", replace: "prompt: Setup takes", with: "promt: Setup takes", at: "promt:",
            code: "unknown-key", says: "unknown key 'promt' in question; did you mean 'prompt'?"),
        LintMistake(
            name: "quote left open in a prompt",
            replace: "prompt: Setup takes {setup} and the query {query}. What share of the request is setup?",
            with: "prompt: \"Setup takes {setup}", at: "prompt: \"Setup", code: "yaml",
            says: "the quoted value on this line is not closed on it"),
        LintMistake(
            name: "unknown question kind", replace: "kind: numeric\nprompt: Setup", with: "kind: numerc\nprompt: Setup",
            at: "kind: numerc", code: "question-kind", says: "unknown kind 'numerc'; did you mean 'numeric'?"),
        LintMistake(
            name: "question without an id", replace: "id: share\n", with: "",
            at: "```question\nkind: numeric\nprompt: Setup",
            code: "question-missing", says: "question has no 'id'"),
        LintMistake(
            name: "question id with spaces", replace: "id: per-second", with: "id: per second!", at: "id: per second!",
            code: "question-id", says: "question id 'per second!' may use only letters, digits"),
        LintMistake(
            name: "same question id on two pages", replace: "id: word\n", with: "id: share\n",
            at: "id: share\nkind: text",
            code: "duplicate-question-id", says: "duplicate question id 'share' (also at line 22)"),
        LintMistake(
            name: "unknown unit", replace: "unit: \"%\"", with: "unit: \"percnt\"", at: "unit: \"percnt\"",
            code: "unit",
            says: "unknown unit 'percnt'"),
        LintMistake(
            name: "negative tolerance", replace: "tolerance: 0.5", with: "tolerance: -1", at: "tolerance: -1",
            code: "tolerance", says: "tolerance must be >= 0"),
        LintMistake(
            name: "tolerance in another unit's family", replace: "tolerance: 0.5", with: "tolerance: 2 ms",
            at: "tolerance: 2 ms", code: "tolerance", says: "has tolerance in a time but its unit '%'"),
        LintMistake(
            name: "answer expression that does not parse", replace: "answer: = setup / (setup + query)",
            with: "answer: = setup / (setup + query", at: "answer: = setup", code: "answer",
            says: "not a valid expression: missing ')'"),
        LintMistake(
            name: "numeric answer that is not a number", replace: "answer: = pool / query", with: "answer: many",
            at: "answer: many", code: "answer", says: "has answer 'many', which is not a number"),
        LintMistake(
            name: "answer in another unit's family", replace: "answer: = pool / query", with: "answer: = pool * query",
            at: "answer: = pool * query", code: "unit",
            says: "the answer of 'per-second' is a time but its unit '/s' is a rate"),
        LintMistake(
            name: "choice answer that is no choice", replace: "choices: [session, transaction, statement]\nanswer: c",
            with: "choices: [session, transaction, statement]\nanswer: e", at: "answer: e", code: "answer",
            says: "has answer 'e', which is not a letter a–c"),
        LintMistake(
            name: "the same choice twice", replace: "choices: [session, transaction, statement]\nanswer: c",
            with: "choices: [session, transaction, session]\nanswer: c", at: "choices: [session, transaction, session]",
            code: "duplicate-choice", says: "lists 'session' twice in 'choices' (a and c)"),
        LintMistake(
            name: "multi answer that is no choice", replace: "answer: [a, c]", with: "answer: [a, x]",
            at: "answer: [a, x]",
            code: "answer", says: "has answer 'x', which is not a letter a–d"),
        LintMistake(
            name: "text question that accepts nothing",
            replace: "accept: [default_pool_size, default pool size]\npatterns: [\"default[_ ]pool[_ ]size\"]\n",
            with: "",
            at: "```question\nid: word", code: "question-missing", says: "has no 'accept' or 'patterns'"),
        LintMistake(
            name: "pattern that is not a regular expression", replace: "patterns: [\"default[_ ]pool[_ ]size\"]",
            with: "patterns: [\"default[_ pool\"]", at: "patterns:", code: "pattern",
            says: "'default[_ pool', which is not a valid regular expression"),
        LintMistake(
            name: "the same order item twice",
            replace: "items: [TCP handshake, TLS handshake, authentication, backend start]",
            with: "items: [TCP handshake, TLS handshake, authentication, TCP handshake]", at: "items: [TCP",
            code: "duplicate-item", says: "lists 'TCP handshake' twice in 'items' (a and d)"),
        LintMistake(
            name: "order question with an answer",
            replace: "items: [TCP handshake, TLS handshake, authentication, backend start]\n",
            with: "items: [TCP handshake, TLS handshake, authentication, backend start]\nanswer: a\n",
            at: "answer: a\n```",
            code: "answer", says: "takes its key from 'items'"),
        LintMistake(
            name: "question key given twice", replace: "kind: numeric\nprompt: Setup",
            with: "kind: numeric\nkind: choice\nprompt: Setup", at: "kind: choice", code: "duplicate-key",
            says: "key 'kind' is given twice (also at line 23)"),
        LintMistake(
            name: "tab in a question's YAML", replace: "kind: numeric\nprompt: Setup",
            with: "kind: numeric\n\tprompt: Setup",
            at: "\tprompt", code: "yaml", says: "tab character"),
        LintMistake(
            name: "tolerance on a choice question", replace: "choices: [session, transaction, statement]\nanswer: c",
            with: "choices: [session, transaction, statement]\nanswer: c\ntolerance: 1", at: "tolerance: 1",
            code: "question-key", says: "'tolerance' is for numeric questions, and 'mode' is a choice question"),
        LintMistake(
            name: "text question keyed with 'answer'", replace: "accept: [default_pool_size, default pool size]\n",
            with: "answer: [default_pool_size, default pool size]\n", at: "answer: [default_pool_size",
            code: "question-key", says: "takes its answers from 'accept' (or 'patterns'), not 'answer'"),
        LintMistake(
            name: "multi answer written without brackets", replace: "answer: [a, c]", with: "answer: a, c",
            at: "answer: a, c", code: "answer", says: "write the right choices as a list, e.g. [a, c]"),
    ]

    static let params: [LintMistake] = [
        LintMistake(
            name: "param typo in the text", replace: "Each of your requests pays {setup}",
            with: "Each of your requests pays {setpu}", at: "Each of your requests pays {setpu}", code: "unknown-param",
            says: "'{setpu}' in the text is not a param defined above it; did you mean '{setup}'?", column: 28),
        LintMistake(
            name: "param typo in a prompt", replace: "prompt: Setup takes {setup}", with: "prompt: Setup takes {setpu}",
            at: "prompt: Setup takes {setpu}", code: "unknown-param",
            says: "uses '{setpu}', which is not a param defined above it; did you mean '{setup}'?"
        ),
        LintMistake(
            name: "param range that runs backwards", replace: "setup = 12..24 ms step 2",
            with: "setup = 24..12 ms step 2",
            at: "setup = 24..12", code: "param", says: "range 24..12 runs backwards"),
        LintMistake(
            name: "param in an unknown unit", replace: "setup = 12..24 ms step 2", with: "setup = 12..24 mss step 2",
            at: "setup = 12..24 mss", code: "param", says: "unknown unit 'mss'"),
        LintMistake(
            name: "param defined twice", replace: "pool = 10..40 step 5\n",
            with: "pool = 10..40 step 5\nquery = 7 ms\n",
            at: "query = 7 ms", code: "param", says: "param 'query' is defined twice"),
        LintMistake(
            name: "answer that divides by zero for some learners", replace: "query = 6 ms", with: "query = 0..6 ms",
            at: "answer: = pool / query", code: "answer-undefined",
            says: "params leave the answer of 'per-second' undefined for the learner of --seed"),
        LintMistake(
            name: "answer that goes negative for some learners", replace: "answer: = pool / query",
            with: "answer: = (pool - 30) / query", at: "answer: = (pool - 30)", code: "answer-negative",
            says: "the answer of 'per-second' is negative"),
        LintMistake(
            name: "param line without its '='", replace: "query = 6 ms", with: "query 6 ms", at: "query 6 ms",
            code: "param", says: "expected 'name = LOW..HIGH [unit] [step S]'"),
        LintMistake(
            name: "params block forgotten",
            replace: "```params\nsetup = 12..24 ms step 2\nquery = 6 ms\npool = 10..40 step 5\n```\n", with: "",
            at: "Each of your requests pays {setup}", code: "unknown-param",
            says: "this lesson uses params ('{setup}', '{query}', '{pool}') but defines none", column: 28),
    ]

    static let hashing: [LintMistake] = [
        LintMistake(
            name: "choice key hashed from 'A'", replace: modeKey, with: rawHash("mode-salt", "A"), at: "answer-hash:",
            code: "answer-hash-not-normalised", says: "the answer-hash of 'A', which is not normalised"),
        LintMistake(
            name: "choice key hashed from no choice", replace: modeKey, with: rawHash("mode-salt", "the default"),
            at: "answer-hash:", code: "answer-hash-unmatched", says: "matches no answer a learner can give"),
        LintMistake(
            name: "multi key hashed from 'a, c'", replace: pickKey, with: rawHash("pick-salt", "a, c"),
            at: "answer-hash: sha256:" + rawHash("pick-salt", "a, c"), code: "answer-hash-not-normalised",
            says: "the checker hashes that answer as 'a,c'"),
        LintMistake(
            name: "numeric key hashed from '25 connections'", replace: sizeKey,
            with: rawHash("size-salt", "25 connections"),
            at: "answer-hash: sha256:" + rawHash("size-salt", "25 connections"),
            code: "answer-hash-not-normalised", says: "the checker hashes that answer as '25'"),
        LintMistake(
            name: "answer-hash that is not a hash", replace: sizeKey, with: "2ab06a",
            at: "answer-hash: sha256:2ab06a\n",
            code: "answer-hash", says: "expected 'sha256:' and 64 hex digits"),
        LintMistake(
            name: "answer-hash without a salt", replace: "salt: size-salt\n", with: "", at: "answer-hash: sha256:2ab",
            code: "answer-hash", says: "has an answer-hash but no 'salt'"),
        LintMistake(
            name: "hidden numeric key with a tolerance", replace: "salt: size-salt\n",
            with: "salt: size-salt\ntolerance: 1\n",
            at: "tolerance: 1", code: "answer-hash", says: "hidden answer, which must be exact"),
        LintMistake(
            name: "both answer and answer-hash", replace: "salt: pick-salt\n",
            with: "salt: pick-salt\nanswer: [a, c]\n",
            at: "answer: [a, c]\n```\n\n---", code: "answer-hash", says: "has both 'answer' and 'answer-hash'"),
        LintMistake(
            name: "hidden text key with accept too", replace: "salt: word-salt\n",
            with: "salt: word-salt\naccept: [session]\n",
            at: "accept: [session]", code: "answer-hash", says: "has both 'accept' and 'answer-hash'"),
        LintMistake(
            name: "salt without answer-hash", replace: "answer: [a, c]\n", with: "answer: [a, c]\nsalt: pepper\n",
            at: "salt: pepper", code: "answer-hash", says: "has a 'salt' but no 'answer-hash'"),
        LintMistake(
            name: "answer-hash line lost", replace: "answer-hash: sha256:\(sizeKey)\n", with: "",
            at: "```question\nid: hidden-size", code: "question-missing",
            says: "has no 'answer' (it has a 'salt': is its 'answer-hash' missing?)"),
    ]

    static let labs: [LintMistake] = [
        LintMistake(
            name: "lab scenario misspelt", replace: "scenario: reservation-desk\nsteps:\n  - burst 200",
            with: "scenario: reservation-dsk\nsteps:\n  - burst 200", at: "scenario: reservation-dsk",
            code: "lab-scenario",
            says: "unknown lab scenario 'reservation-dsk'; did you mean 'reservation-desk'?"),
        LintMistake(
            name: "lab key misspelt", replace: "observe: Twenty-five", with: "obsreve: Twenty-five", at: "obsreve:",
            code: "unknown-key", says: "unknown key 'obsreve' in lab; did you mean 'observe'?"),
        LintMistake(
            name: "lab without expect", replace: "expect:\n  - borrows == 10\n  - waiting == 0\n", with: "",
            at: "```lab\nscenario: reservation-desk\nsteps:\n  - burst 10", code: "lab-no-expect",
            says: "lab block has no 'expect' lines"),
        LintMistake(
            name: "lab step a lesson may not run", replace: "  - burst 10\n", with: "  - check\n", at: "  - check",
            code: "lab-step", says: "lab step 'check' runs 'check', which a lesson may not run"),
        LintMistake(
            name: "lab step that fails", replace: "  - burst 10\n", with: "  - burst ten\n", at: "  - burst ten",
            code: "lab-step-fails", says: "lab step 'burst ten' failed: burst: burst takes a whole number"),
        LintMistake(
            name: "lab step using load", replace: "  - burst 10\n", with: "  - load --requests 100\n", at: "  - load",
            code: "lab-load-step",
            says: "changes only the load_* metrics (load_p50_ms, load_throughput, load_utilisation, …), which no"),
        LintMistake(
            name: "lab expectation that does not hold", replace: "  - waiting == 175", with: "  - waiting == 170",
            at: "  - waiting == 170", code: "lab-expect-fails",
            says: "lab expectation 'waiting == 170' does not hold after the steps: it is 175"),
        LintMistake(
            name: "lab in the wrong scenario", replace: "scenario: reservation-desk\nsteps:\n  - burst 200",
            with: "scenario: leak\nsteps:\n  - burst 200", at: "  - active == 25", code: "lab-expect-fails",
            says: "lab expectations do not hold after the steps: 'active == 25' (it is 0), 'waiting == 175'"),
        LintMistake(
            name: "lab key given twice", replace: "observe: Twenty-five", with: "steps: [stats]\nobserve: Twenty-five",
            at: "steps: [stats]", code: "duplicate-key", says: "key 'steps' is given twice (also at line 136)"),
        LintMistake(
            name: "lab metric misspelt", replace: "  - waiting == 175", with: "  - wating == 175", at: "  - wating",
            code: "lab-metric", says: "unknown metric 'wating'; did you mean 'waiting'?"),
        LintMistake(
            name: "lab expect line that is not a comparison", replace: "  - waiting == 175", with: "  - waiting => 175",
            at: "  - waiting =>", code: "lab-expect", says: "must be 'METRIC OP NUMBER'"),
        LintMistake(
            name: "lab that passes before any step", replace: "  - borrows == 10\n  - waiting == 0\n",
            with: "  - waiting == 0\n", at: "expect:\n  - waiting == 0\nobserve: Ten", code: "lab-passes-untouched",
            says: "lab check already passes in a fresh 'reservation-desk' before the learner runs any step",
            severity: "warning"),
    ]

    static let all = frontMatter + fences + blocks + questions + params + hashing + labs
}
