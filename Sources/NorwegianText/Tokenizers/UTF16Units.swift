/// A string's UTF-16 code units, as `Array(text.utf16)` gives them, transcoded from its UTF-8
/// bytes in one pass: ICU works on UTF-16, and the standard library's UTF-16 view of a native
/// (UTF-8) string counts and copies through index breadcrumbs, a twentieth of a build.
enum UTF16Units {
    static func of(_ text: String) -> [UInt16] {
        var text = text
        return text.withUTF8 { bytes in
            var units = [UInt16]()
            units.reserveCapacity(bytes.count)
            var i = 0
            let n = bytes.count
            // A String's bytes are valid UTF-8: each lead byte says how many follow.
            while i < n {
                let lead = UInt32(bytes[i])
                if lead < 0x80 {
                    units.append(UInt16(lead))
                    i += 1
                } else if lead < 0xE0 {
                    units.append(UInt16((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)))
                    i += 2
                } else if lead < 0xF0 {
                    let scalar = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    units.append(UInt16(scalar))
                    i += 3
                } else {
                    let scalar = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    let offset = scalar - 0x10000
                    units.append(UInt16(0xD800 + (offset >> 10)))
                    units.append(UInt16(0xDC00 + (offset & 0x3FF)))
                    i += 4
                }
            }
            return units
        }
    }
}
