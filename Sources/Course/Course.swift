import PoolWorld

/// Lessons, questions, the answer checker, hints and the progress store.
public enum Course {}
