// The learner's pools in the world: the shell builds this on demand (`swift build -c release --product …`)
// and runs it as a child process, so a compile error, a trap or an endless loop in Exercises/ never stops the
// shell. `@testable` reaches the exercises' internal types (the Exercises target is always built for testing).
import Foundation
import Grading
import PoolWorld
import Shell

@testable import Exercises

exit(
    LearnerPoolChild.main(pools: [
        GradedExercise.fixedSizePool.name: FixedSizePool.self,
        GradedExercise.waitingPool.name: WaitingPool.self,
        GradedExercise.leakDetection.name: LeakDetectingPool.self,
        GradedExercise.staleConnections.name: FreshPool.self,
        GradedExercise.warmUp.name: WarmPool.self,
    ]))
