/// One named float32 array with its shape, as stored in a safetensors file.
public struct Tensor: Sendable, Equatable {
    /// The tensor's key in the file, such as `layers.0.weight`.
    public var name: String
    /// Extent of each dimension, outermost first; `[]` is a scalar.
    public var shape: [Int]
    /// The elements in row-major order; `shape`'s product of them.
    public var values: [Float]

    /// Creates a tensor; `values.count` must equal the product of `shape`.
    public init(name: String, shape: [Int], values: [Float]) {
        precondition(
            shape.allSatisfy { $0 >= 0 }
                && shape.reduce(1, *) == values.count,
            "tensor \(name): shape \(shape) holds \(shape.reduce(1, *)) "
                + "values, given \(values.count); pass matching values")
        self.name = name
        self.shape = shape
        self.values = values
    }
}
