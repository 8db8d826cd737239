#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library's natural logarithm; the world uses libm rather than Foundation for its few math functions.
@inlinable
func naturalLog(_ x: Double) -> Double {
    log(x)
}

/// e raised to `x`, from the C library.
@inlinable
func naturalExp(_ x: Double) -> Double {
    exp(x)
}

/// `base` raised to `exponent`, from the C library.
@inlinable
func power(_ base: Double, _ exponent: Double) -> Double {
    pow(base, exponent)
}
