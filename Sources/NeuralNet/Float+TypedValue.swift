import Foundation

extension Float {
    /// The decimal the setting was written as, such as 0.999 for the Float
    /// 0.99900001287: the shortest decimal (1 to 9 significant digits)
    /// that rounds back to this Float, in Double.
    ///
    /// PyTorch keeps settings as Python doubles and forms 1 - β2 and β2ᵗ
    /// in double; from the Float, 1 - β2 is off by 1.3e-5 relative.
    /// Arithmetic, not text, so an update allocates nothing.
    var typedValue: Double {
        let value = Double(self)
        guard value != 0, value.isFinite else { return value }
        let exponent = floor(log10(abs(value)))
        for digits in 1...9 {
            let scale = pow(10, Double(digits - 1) - exponent)
            let rounded = (value * scale).rounded() / scale
            if Float(rounded) == self { return rounded }
        }
        return value
    }
}
