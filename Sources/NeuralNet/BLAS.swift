import CBLAS

/// Process-wide settings of the OpenBLAS library behind every matrix product.
public enum BLAS {
    /// Sets how many threads OpenBLAS may use for one product.
    ///
    /// OpenBLAS otherwise takes every core it sees; on a small machine that
    /// shares its cores with the dashboard, one or two is usually best, so
    /// the program should choose on purpose. Values below 1 are taken as 1.
    public static func setThreads(_ count: Int) {
        openblas_set_num_threads(Int32(clamping: max(count, 1)))
    }

    /// How many threads OpenBLAS currently uses.
    public static var threads: Int {
        Int(openblas_get_num_threads())
    }
}
