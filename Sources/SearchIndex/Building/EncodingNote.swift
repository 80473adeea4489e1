import CouncilDocuments

/// The note a build makes about a file that was not plain UTF-8.
enum EncodingNote {
    static func of(_ document: SourceDocument) -> String? {
        switch document.encoding {
        case .utf8: nil
        case .windows1252: "\(document.id) is not valid UTF-8; read as Windows-1252"
        case .utf8WithWindows1252: "\(document.id) has \(invalidBytes(document.windows1252Bytes))"
        case .utf16LittleEndian: "\(document.id) is UTF-16 (little-endian); read as such"
        case .utf16BigEndian: "\(document.id) is UTF-16 (big-endian); read as such"
        }
    }

    /// "1 byte that is not valid UTF-8; read it as …", "3 bytes that are …; read those as …".
    static func invalidBytes(_ n: Int) -> String {
        Plural.count(n, "byte") + (n == 1 ? " that is" : " that are") + " not valid UTF-8; read "
            + (n == 1 ? "it" : "those") + " as Windows-1252"
    }
}
