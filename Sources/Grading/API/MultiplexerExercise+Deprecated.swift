import PoolWorld

// The multiplexer's first vocabulary, kept so that multiplexers written against it still compile (with a
// warning that names the new spelling) and are graded the same. Exercise 8 once declared its own `PoolMode`,
// `ClientID` and `ServerID`; they are now the world's, whose numbers are `Int32` `rawValue`s.

extension MultiplexerConfig {
    @available(*, deprecated, renamed: "init(poolMode:defaultPoolSize:)")
    public init(mode: PoolMode, poolSize: Int) {
        self.init(poolMode: mode, defaultPoolSize: poolSize)
    }

    @available(*, deprecated, renamed: "poolMode")
    public var mode: PoolMode {
        get { poolMode }
        set { poolMode = newValue }
    }

    @available(*, deprecated, renamed: "defaultPoolSize")
    public var poolSize: Int {
        get { defaultPoolSize }
        set { defaultPoolSize = newValue }
    }
}

extension ClientID {
    /// `ClientID(3)` from an `Int`, as exercise 8 has always written it.
    public init(_ number: Int) {
        self.init(Int32(number))
    }

    @available(*, deprecated, message: "use rawValue (an Int32), as the world's PgBouncer does")
    public var number: Int {
        get { Int(rawValue) }
        set { rawValue = Int32(newValue) }
    }
}

extension ServerID {
    /// `ServerID(2)` from an `Int`, as exercise 8 has always written it.
    public init(_ number: Int) {
        self.init(Int32(number))
    }

    @available(*, deprecated, message: "use rawValue (an Int32), as the world's PgBouncer does")
    public var number: Int {
        get { Int(rawValue) }
        set { rawValue = Int32(newValue) }
    }
}
