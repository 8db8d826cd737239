extension Lesson {
    /// The lesson's lab blocks in file order, each with its page and its id (the name `lab check ID` and
    /// progress use for it).
    public var labs: [(id: String, page: Int, block: LabBlock)] {
        var labs: [(id: String, page: Int, block: LabBlock)] = []
        for (index, page) in pages.enumerated() {
            for case .lab(let block) in page.blocks { labs.append((block.id, index, block)) }
        }
        return labs
    }
}
