/// What learners implement, and the conformance suites that grade it.
///
/// Learners write `import Grading` and see only the learner API: the exercise protocols in `API/`, and the
/// world's types a pool speaks, re-exported one per line in `API/LearnerAPI.swift` (`ConnectionPoolStateMachine`,
/// `PoolEvent`, `PoolAction`, `PoolConfig`, …), so a learner's pool runs in the grader and in the lab exactly as
/// `ReferencePool` does. The suites that grade them are in `Suites/`, built on the step-by-step harnesses in
/// `Harness/`. Nothing here does I/O: the child process that runs a grader lives in `GradingTestSupport`.
public enum Grading {}
