/// Tables for drawing exponential numbers with Marsaglia and Tsang's ziggurat method.
///
/// The inverse transform (`-log(u)`) costs a logarithm per draw, and the M/M/c benchmark draws two per
/// request. The ziggurat covers the density with 256 equal-area layers; about 99% of draws land inside a
/// layer's rectangle and cost one table lookup and a multiplication. The rest fall back to exact rejection
/// sampling, so the distribution is exactly exponential.
struct ExponentialZiggurat: Sendable {
    /// Per layer: the threshold for the fast path, the scale from a 32-bit integer to x, and the density at
    /// the layer's edge.
    let thresholds: [UInt32]
    let widths: [Double]
    let densities: [Double]

    /// The rightmost layer's edge, and each layer's area.
    static let tailStart = 7.697_117_470_131_487
    static let layerArea = 3.949_659_822_581_572e-3

    static let shared = ExponentialZiggurat()

    init() {
        let scale = 4_294_967_296.0
        var edge = Self.tailStart
        var thresholds = [UInt32](repeating: 0, count: 256)
        var widths = [Double](repeating: 0, count: 256)
        var densities = [Double](repeating: 0, count: 256)
        let q = Self.layerArea / naturalExp(-edge)
        thresholds[0] = UInt32(edge / q * scale)
        thresholds[1] = 0
        widths[0] = q / scale
        widths[255] = edge / scale
        densities[0] = 1
        densities[255] = naturalExp(-edge)
        var previous = edge
        for layer in stride(from: 254, through: 1, by: -1) {
            edge = -naturalLog(Self.layerArea / edge + naturalExp(-edge))
            thresholds[layer + 1] = UInt32(edge / previous * scale)
            previous = edge
            densities[layer] = naturalExp(-edge)
            widths[layer] = edge / scale
        }
        self.thresholds = thresholds
        self.widths = widths
        self.densities = densities
    }

    /// One draw from the exponential distribution with mean 1.
    @inline(__always)
    func next(_ random: inout WorldRandom) -> Double {
        let bits = random.next()
        let layer = Int(bits & 0xFF)
        let position = UInt32(truncatingIfNeeded: bits >> 32)
        if position < thresholds[layer] {
            return Double(position) * widths[layer]
        }
        return slowPath(layer: layer, position: position, &random)
    }

    private func slowPath(layer startLayer: Int, position startPosition: UInt32, _ random: inout WorldRandom) -> Double
    {
        var layer = startLayer
        var position = startPosition
        while true {
            if layer == 0 {
                // The tail beyond the last edge is itself exponential, shifted.
                return Self.tailStart - naturalLog(random.nextOpenUnit())
            }
            let x = Double(position) * widths[layer]
            let height = densities[layer] + random.nextUnit() * (densities[layer - 1] - densities[layer])
            if height < naturalExp(-x) {
                return x
            }
            let bits = random.next()
            layer = Int(bits & 0xFF)
            position = UInt32(truncatingIfNeeded: bits >> 32)
            if position < thresholds[layer] {
                return Double(position) * widths[layer]
            }
        }
    }
}
