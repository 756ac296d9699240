import Testing

@testable import NeuralNet

@Suite struct MatrixMultiplyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var m: Int, n: Int, k: Int
        var transposeA: Bool, transposeB: Bool
        var testDescription: String {
            "(\(m)×\(k))\(transposeA ? "ᵀ" : "") · "
                + "(\(k)×\(n))\(transposeB ? "ᵀ" : "")"
        }
    }

    // Odd shapes, including ones past OpenBLAS's register blocking and
    // vectors, in all four transpose combinations.
    static let cases: [Case] = [(1, 1, 1), (3, 5, 7), (7, 3, 5), (13, 1, 9),
                                (1, 17, 3), (67, 129, 33), (64, 10, 128)]
        .flatMap { shape in
            [(false, false), (true, false), (false, true), (true, true)].map {
                Case(m: shape.0, n: shape.1, k: shape.2,
                     transposeA: $0.0, transposeB: $0.1)
            }
        }

    func run(
        _ kernel: Kernel, _ c: Case, a: [Float], b: [Float], start: [Float],
        beta: Float
    ) -> [Float] {
        var result = start
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { out in
                    kernel(
                        a, c.transposeA, b, c.transposeB, out,
                        c.m, c.n, c.k, beta)
                }
            }
        }
        return result
    }

    typealias Kernel = (
        UnsafeBufferPointer<Float>, Bool, UnsafeBufferPointer<Float>, Bool,
        UnsafeMutableBufferPointer<Float>, Int, Int, Int, Float
    ) -> Void
    let blas: Kernel = {
        MatrixMultiply.blas(
            $0, transposeA: $1, $2, transposeB: $3, into: $4,
            m: $5, n: $6, k: $7, beta: $8)
    }
    let reference: Kernel = {
        MatrixMultiply.reference(
            $0, transposeA: $1, $2, transposeB: $3, into: $4,
            m: $5, n: $6, k: $7, beta: $8)
    }

    @Test(arguments: cases)
    func blasEqualsTheReferenceExactlyOnSmallIntegers(_ shape: Case) {
        // Small integers multiply and add exactly in Float, in any order.
        var generator = SeededGenerator(seed: 21)
        func integers(_ count: Int) -> [Float] {
            (0..<count).map { _ in Float(Int(generator.next() % 7) - 3) }
        }
        let a = integers(shape.m * shape.k)
        let b = integers(shape.k * shape.n)
        let start = integers(shape.m * shape.n)
        for beta: Float in [0, 1, 2] {
            let fast = run(blas, shape, a: a, b: b, start: start, beta: beta)
            let slow = run(
                reference, shape, a: a, b: b, start: start, beta: beta)
            #expect(fast == slow, "beta \(beta)")
        }
    }

    @Test(arguments: cases)
    func blasEqualsTheReferenceOnRandomValues(_ shape: Case) {
        var generator = SeededGenerator(seed: 22)
        func normals(_ count: Int) -> [Float] {
            (0..<count).map { _ in generator.nextNormal() }
        }
        let a = normals(shape.m * shape.k)
        let b = normals(shape.k * shape.n)
        let start = normals(shape.m * shape.n)
        let fast = run(blas, shape, a: a, b: b, start: start, beta: 0.5)
        let slow = run(reference, shape, a: a, b: b, start: start, beta: 0.5)
        // Summation order differs; allow rounding that grows with k.
        let tolerance = 1e-5 * Float(shape.k + 1)
        let worst = zip(fast, slow).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= tolerance, "max difference \(worst)")
    }

    @Test func referenceComputesAHandExample() {
        // (1 2 3; 4 5 6) · (1 0; 0 1; 1 1) = (4 5; 10 11).
        let shape = Case(m: 2, n: 2, k: 3, transposeA: false, transposeB: false)
        let product = run(
            reference, shape, a: [1, 2, 3, 4, 5, 6], b: [1, 0, 0, 1, 1, 1],
            start: [.nan, .nan, .nan, .nan], beta: 0)
        #expect(product == [4, 5, 10, 11])
    }

    @Test func emptyInnerDimensionScalesTheOutput() {
        let shape = Case(m: 2, n: 2, k: 0, transposeA: false, transposeB: false)
        let scaled = run(
            blas, shape, a: [], b: [], start: [1, 2, 3, 4], beta: 2)
        #expect(scaled == [2, 4, 6, 8])
        let cleared = run(
            blas, shape, a: [], b: [], start: [1, 2, 3, 4], beta: 0)
        #expect(cleared == [0, 0, 0, 0])
    }
}
