import PoolWorld

/// What learners implement, and the conformance suites that grade it.
public enum Grading {}
