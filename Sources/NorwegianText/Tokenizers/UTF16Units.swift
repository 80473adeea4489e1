import CICU

/// A string's UTF-16 code units, as `Array(text.utf16)` gives them, transcoded from its UTF-8
/// bytes by ICU in one call: ICU works on UTF-16, and the standard library's UTF-16 view of a
/// native (UTF-8) string counts and copies through index breadcrumbs, a twentieth of a build.
enum UTF16Units {
    static func of(_ text: String) -> [UInt16] {
        var text = text
        let units: [UInt16]? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count < Int(Int32.max) else { return bytes.isEmpty ? [] : nil }
            var failed = false
            let units = [UInt16](unsafeUninitializedCapacity: bytes.count) { out, count in
                let n = radsok_utf16_from_utf8(base, Int32(bytes.count), out.baseAddress, Int32(bytes.count))
                failed = n < 0
                count = failed ? 0 : Int(n)
            }
            return failed ? nil : units
        }
        return units ?? Array(text.utf16)
    }
}
