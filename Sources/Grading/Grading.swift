@_exported import PoolWorld

/// What learners implement, and the conformance suites that grade it.
///
/// Learners write `import Grading` and see the pool protocol of the world (`ConnectionPoolStateMachine`,
/// `PoolEvent`, `PoolAction`, `PoolConfig`, …) re-exported from PoolWorld, so a learner's pool runs in the
/// grader and in the lab exactly as `ReferencePool` does. The exercise protocols are in `API/`; the suites that
/// grade them are in `Suites/`, built on the step-by-step harnesses in `Harness/`.
public enum Grading {}
