import Grading

// The learner's workspace: one file per exercise, in course order. The exercises arrive with
// their own part of the course; until then this target only proves the workspace builds
// against Grading's learner-facing types.
