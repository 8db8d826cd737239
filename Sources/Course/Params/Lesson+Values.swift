extension Lesson {
    /// One learner's values for every param of the lesson: each param drawn on its own (salted with the lesson
    /// and its name), so adding a param does not change the others'.
    public func values(seed: UInt64) -> [String: Quantity] {
        var values: [String: Quantity] = [:]
        for spec in params {
            var draw = ParamDraw(seed: seed, salt: id + "/" + spec.name)
            values[spec.name] = draw.pick(spec)
        }
        return values
    }
}
