/// The world's few mathematical functions, in plain Swift so that a seed's run is the same on every platform.
///
/// The C library's `log`, `exp` and `pow` differ between platforms (glibc, Apple's libm, musl) in the last
/// bit of some results, and the exponential ziggurat's tables and tail are built from `log` and `exp`: one
/// bit's difference there moves a draw, then a whole run. These versions use only IEEE 754 additions,
/// multiplications and divisions, which every platform rounds alike (Swift does not fuse them), so they give
/// the same bits everywhere. They follow the algorithms of fdlibm's `e_log.c` and `e_exp.c` (Sun
/// Microsystems, 1993): argument reduction by powers of two and ln 2, then a minimax polynomial, with an
/// error below one unit in the last place.

/// ln 2 split in two: the high part has trailing zero bits, so `k × ln2High` is exact for any exponent `k`.
private let ln2High = 6.931_471_803_691_238_164_90e-01
private let ln2Low = 1.908_214_929_270_587_700_02e-10

/// The natural logarithm.
///
/// `x = 2^k (1 + f)` with `√2/2 < 1 + f < √2`; with `s = f / (2 + f)`, `log(1 + f) = 2s + 2s³/3 + 2s⁵/5 + …`,
/// evaluated as `f − f²/2 + s (f²/2 + R(s²))` where `R` is fdlibm's degree-14 minimax polynomial.
func naturalLog(_ x: Double) -> Double {
    if x.isNaN || x == .infinity { return x }
    if x == 0 { return -.infinity }
    if x < 0 { return .nan }
    var k = Int(x.exponent)
    var m = x.significand  // in [1, 2), exact, subnormals included
    if m > 1.414_213_562_373_095_1 {
        m *= 0.5
        k += 1
    }
    let f = m - 1
    let s = f / (2 + f)
    let z = s * s
    let w = z * z
    let t1 =
        w * (3.999_999_999_940_941_908e-01 + w * (2.222_219_843_214_978_396e-01 + w * 1.531_383_769_920_937_332e-01))
    let t2 =
        z
        * (6.666_666_666_666_735_130e-01
            + w
            * (2.857_142_874_366_239_149e-01 + w * (1.818_357_216_161_805_012e-01 + w * 1.479_819_860_511_658_591e-01)))
    let r = t2 + t1
    let halfSquare = 0.5 * f * f
    let scale = Double(k)
    return scale * ln2High - ((halfSquare - (s * (halfSquare + r) + scale * ln2Low)) - f)
}

/// e raised to `x`.
///
/// `x = k ln 2 + r` with `|r| ≤ ln 2 / 2` (`k` the nearest integer to `x / ln 2`, `r` kept as `hi − lo` for
/// precision); `e^r = 1 + 2r / (R(r) − r)` with fdlibm's degree-10 minimax `R`; then scaled by `2^k`.
func naturalExp(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x > 7.097_827_128_933_839_730_96e+02 { return .infinity }
    if x < -7.451_332_191_019_412_076_23e+02 { return 0 }
    let k = (x * 1.442_695_040_888_963_387_00).rounded(.toNearestOrEven)
    let hi = x - k * ln2High
    let lo = k * ln2Low
    let r = hi - lo
    let t = r * r
    let c =
        r
        - t
        * (1.666_666_666_666_660_190_37e-01
            + t
            * (-2.777_777_777_701_559_338_42e-03
                + t
                * (6.613_756_321_437_934_361_17e-05
                    + t * (-1.653_390_220_546_525_153_90e-06 + t * 4.138_136_797_057_238_460_39e-08))))
    let y = 1 - ((lo - (r * c) / (2 - c)) - hi)
    // Scaling by a power of two in two steps keeps each factor representable near the ends of the range.
    let exponent = Int(k)
    let half = exponent / 2
    return y * Double(sign: .plus, exponent: half, significand: 1)
        * Double(sign: .plus, exponent: exponent - half, significand: 1)
}

/// `base` raised to a whole `exponent`, by repeated squaring: exact whenever every partial product fits in a
/// double's 53 bits (2ⁿ always; 1.25ⁿ up to n = 22), and the same on every platform beyond.
func power(_ base: Double, _ exponent: Int) -> Double {
    guard exponent >= 0 else { return 1 / power(base, -exponent) }
    var result = 1.0
    var square = base
    var remaining = exponent
    while remaining > 0 {
        if remaining & 1 == 1 { result *= square }
        remaining >>= 1
        if remaining > 0 { square *= square }
    }
    return result
}
