/// A size as people write it on a command line: `512MB`, `1.5GB`, `64MiB`, `100kb` or a number
/// of bytes. MB and GB are decimal (as `radsok-bench generate --size` and `du -h --si` count),
/// MiB and GiB binary.
public struct ByteSize: Sendable, Hashable, CustomStringConvertible {
    public let bytes: Int

    public init(bytes: Int) { self.bytes = bytes }

    public init?(_ text: String) {
        let upper = text.uppercased().filter { $0 != " " && $0 != "_" }
        let units: [(String, Double)] = [("GIB", 1_073_741_824), ("MIB", 1_048_576), ("KIB", 1024),
                                         ("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("G", 1e9), ("M", 1e6), ("K", 1e3), ("B", 1)]
        let (number, factor) = units.first { upper.hasSuffix($0.0) }
            .map { (String(upper.dropLast($0.0.count)), $0.1) } ?? (upper, 1)
        guard let value = Double(number), value.isFinite, value >= 0, value * factor < 1e18 else { return nil }
        bytes = Int(value * factor)
    }

    /// "512 MB", "1.5 GB", "300 bytes".
    public var description: String {
        if bytes >= 1_000_000_000 { return Self.trimmed(Double(bytes) / 1e9) + " GB" }
        if bytes >= 1_000_000 { return Self.trimmed(Double(bytes) / 1e6) + " MB" }
        return "\(bytes) bytes"
    }

    private static func trimmed(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
