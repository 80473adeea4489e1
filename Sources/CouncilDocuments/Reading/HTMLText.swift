/// Plain text from HTML that keeps the line structure, so line numbers of hits still point at
/// the lines of the file: tags become nothing (block tags a space), common entities are decoded.
enum HTMLText {
    static func plainText(_ html: String) -> String {
        var out = String.UnicodeScalarView()
        var inTag = false
        var inScript = false
        var tagName = String.UnicodeScalarView()
        let scalars = Array(html.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if inTag {
                if c == ">" {
                    inTag = false
                    let name = String(tagName).lowercased()
                    if name == "script" || name == "style" { inScript = true }
                    if name == "/script" || name == "/style" { inScript = false }
                    out.append(" ")
                } else if c == "\n" {
                    out.append("\n")
                } else if tagName.count < 16, c != " " || tagName.isEmpty {
                    if c != " " { tagName.append(c) } else { tagName.append("\u{1}") }
                }
                i += 1
                continue
            }
            if c == "<" {
                inTag = true
                tagName = String.UnicodeScalarView()
                i += 1
                continue
            }
            if inScript {
                if c == "\n" { out.append("\n") }
                i += 1
                continue
            }
            if c == "&", let (decoded, length) = entity(scalars, at: i) {
                out.append(decoded)
                i += length
                continue
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "aring": "å", "Aring": "Å", "oslash": "ø", "Oslash": "Ø", "aelig": "æ", "AElig": "Æ",
        "laquo": "«", "raquo": "»", "ndash": "–", "mdash": "—", "eacute": "é",
    ]

    private static func entity(_ s: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < s.count, end - start < 10, s[end] != ";" { end += 1 }
        guard end < s.count, s[end] == ";" else { return nil }
        let body = String(String.UnicodeScalarView(s[(start + 1)..<end]))
        if body.hasPrefix("#x") || body.hasPrefix("#X"), let v = UInt32(body.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) {
            return (u, end - start + 1)
        }
        if body.hasPrefix("#"), let v = UInt32(body.dropFirst()), let u = Unicode.Scalar(v) {
            return (u, end - start + 1)
        }
        if let u = named[body] { return (u, end - start + 1) }
        return nil
    }
}
