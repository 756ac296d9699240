import CBLAS

/// Row-major Float products C = op(A) · op(B) + beta · C, where op either
/// keeps or transposes its matrix.
///
/// `blas` is the fast kernel every layer uses; `reference` is the plain
/// triple loop kept beside it so a test can hold the two equal.
public enum MatrixMultiply {
    /// C = op(A) · op(B) + beta · C through OpenBLAS `cblas_sgemm`.
    public static func blas(
        _ a: UnsafeBufferPointer<Float>, transposeA: Bool = false,
        _ b: UnsafeBufferPointer<Float>, transposeB: Bool = false,
        into c: UnsafeMutableBufferPointer<Float>,
        m: Int, n: Int, k: Int, beta: Float = 0
    ) {
        // op(A) is (m, k), op(B) is (k, n), C is (m, n); A is stored (k, m)
        // when transposed, B (n, k).
        checkCounts(a: a, b: b, c: c, m: m, n: n, k: k)
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            // OpenBLAS rejects a leading dimension of 0; the product is empty.
            for i in 0..<(m * n) { c[i] = beta == 0 ? 0 : beta * c[i] }
            return
        }
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k),
            1, a.baseAddress, Int32(transposeA ? m : k),
            b.baseAddress, Int32(transposeB ? k : n),
            beta, c.baseAddress, Int32(n))
    }

    /// The same product by a plain triple loop, for tests only.
    public static func reference(
        _ a: UnsafeBufferPointer<Float>, transposeA: Bool = false,
        _ b: UnsafeBufferPointer<Float>, transposeB: Bool = false,
        into c: UnsafeMutableBufferPointer<Float>,
        m: Int, n: Int, k: Int, beta: Float = 0
    ) {
        // op(A) is (m, k), op(B) is (k, n), C is (m, n).
        checkCounts(a: a, b: b, c: c, m: m, n: n, k: k)
        for row in 0..<m {
            for column in 0..<n {
                var sum: Float = 0
                for inner in 0..<k {
                    let left =
                        transposeA ? a[inner * m + row] : a[row * k + inner]
                    let right =
                        transposeB
                        ? b[column * k + inner] : b[inner * n + column]
                    sum += left * right
                }
                let index = row * n + column
                c[index] = beta == 0 ? sum : sum + beta * c[index]
            }
        }
    }

    private static func checkCounts(
        a: UnsafeBufferPointer<Float>, b: UnsafeBufferPointer<Float>,
        c: UnsafeMutableBufferPointer<Float>, m: Int, n: Int, k: Int
    ) {
        precondition(
            m >= 0 && n >= 0 && k >= 0,
            "matrix product with negative size m \(m), n \(n), k \(k)")
        precondition(
            a.count >= m * k && b.count >= k * n && c.count >= m * n,
            "matrix product (\(m)×\(k)) · (\(k)×\(n)) given buffers of "
                + "\(a.count), \(b.count) and \(c.count) values; "
                + "size the buffers from the layer shapes")
    }
}
