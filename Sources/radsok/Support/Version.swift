import SearchIndex

/// The one place the version is written: `radsok --version` prints it with the index format the
/// build reads and writes, so a bug report says both.
enum Version {
    static let number = "0.9.0"

    static var text: String { "radsok \(number) (index format \(IndexFormat.version))" }
}
