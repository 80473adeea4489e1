import Foundation

/// The one way answers become JSON, for the CLI and the server alike.
///
/// Keys are sorted: Foundation on Linux writes a keyed container in the order of a dictionary
/// whose hashing is seeded per process, so without sorting two runs of the same query printed
/// the same answer with its keys in different orders. Slashes stay unescaped (`8/1/2025`).
public enum ContractJSON {
    public static func encode(_ value: some Encodable, pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    public static func string(_ value: some Encodable, pretty: Bool = false) throws -> String {
        String(decoding: try encode(value, pretty: pretty), as: UTF8.self)
    }
}
