/// The metadata keys and values that mark a file as a Descent checkpoint.
public enum CheckpointFormat {
    /// The value of the `format` metadata key.
    public static let name = "descent-checkpoint"
    /// The checkpoint version this build writes and reads.
    public static let version = 1

    static let formatKey = "format"
    static let versionKey = "version"
    static let stateKey = "state"

    /// Throws unless `metadata` marks a checkpoint of `version`.
    static func check(_ metadata: [String: String], file: String)
        throws(CheckpointError)
    {
        guard let format = metadata[formatKey] else {
            throw CheckpointError(
                .notACheckpoint, path: file,
                "safetensors without a \"format\" in its metadata, not a "
                    + "Descent checkpoint; pass a file Descent saved")
        }
        guard format == name else {
            throw CheckpointError(
                .notACheckpoint, path: file,
                "format is \"\(format)\", not \"\(name)\"; pass a file "
                    + "Descent saved")
        }
        let text = metadata[versionKey] ?? ""
        guard let found = Int(text), found >= 1 else {
            throw CheckpointError(
                .unsupportedVersion, path: file,
                "checkpoint version \"\(text)\" is not a version number; "
                    + "the file is damaged")
        }
        guard found <= version else {
            throw CheckpointError(
                .unsupportedVersion, file: file,
                message: "\(CheckpointError.displayName(file)) was written "
                    + "by a newer Descent (version \(found)); this one "
                    + "reads version \(version)")
        }
    }
}
