/// Dates that any document gives a meeting: "21.5.2025 (møte 2/2025)" in an annual report's list
/// of meetings, "Referat fra møte 3/2023, 12. juni 2023". A package that does not print its own
/// date still has one when another document of the corpus names it.
///
/// A mention counts when one line names the meeting (`møte N/YYYY`, also `møte N/YY` and the
/// spellings without ø) and a date of the same year.
public enum MeetingDateMentions {
    /// Meeting (`N/YYYY`) → ISO date, first mention in the text first.
    public static func find(in text: String) -> [(meeting: String, date: String)] {
        var found: [(String, String)] = []
        var seen: Set<String> = []
        for line in candidateLines(text) {
            guard let date = NorwegianDate.find(in: line) else { continue }
            for meeting in meetings(in: line) where date.hasPrefix(meeting.year) && seen.insert(meeting.id).inserted {
                found.append((meeting.id, date))
            }
        }
        return found
    }

    /// The lines of `text` (`DocumentLines`' lines, "\r\n" a break as "\n" is) that hold a slash
    /// and may name a meeting, found on the UTF-8 bytes: splitting every document into substrings
    /// by characters was a tenth of a build.
    static func candidateLines(_ text: String) -> [Substring] {
        var text = text
        let ranges = text.withUTF8 { bytes -> [Range<Int>] in
            var ranges: [Range<Int>] = []
            DocumentLines.forEachLine(bytes) { start, textEnd, _ in
                let line = UnsafeBufferPointer(rebasing: bytes[start..<textEnd])
                if line.contains(0x2F), mayNameMeeting(line) { ranges.append(start..<textEnd) }
            }
            return ranges
        }
        let utf8 = text.utf8
        return ranges.map { range in
            let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            return text[lower..<utf8.index(lower, offsetBy: range.count)]
        }
    }

    /// Whether the line holds "møte", "mote" or "moete" in any case, which every word `meetings`
    /// takes holds: a byte scan that passes over most lines before dates are looked for (the date
    /// search on every line with a slash was a seventh of a build). No other letter lowercases
    /// to these ASCII letters, so the scan turns away no line that `meetings` would take.
    static func mayNameMeeting(_ line: Substring) -> Bool {
        Array(line.utf8).withUnsafeBufferPointer(mayNameMeeting)
    }

    static func mayNameMeeting(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func lower(_ i: Int) -> UInt8 {
            guard i < bytes.count else { return 0 }
            return (0x41...0x5A).contains(bytes[i]) ? bytes[i] | 0x20 : bytes[i]
        }
        var i = 0
        while i + 3 < bytes.count {
            if lower(i) == 0x6D {
                // "ø" and "Ø" are C3 B8 and C3 98.
                if lower(i + 1) == 0xC3, bytes[i + 2] == 0xB8 || bytes[i + 2] == 0x98, lower(i + 3) == 0x74 {
                    return true
                }
                if lower(i + 1) == 0x6F, lower(i + 2) == 0x74 || (lower(i + 2) == 0x65 && lower(i + 3) == 0x74) {
                    return true
                }
            }
            i += 1
        }
        return false
    }

    /// "møte 2/2025", "mote 2/25", "(møte 1/2025)".
    static func meetings(in line: Substring) -> [(id: String, year: String)] {
        let words = line.lowercased().split(whereSeparator: { $0.isWhitespace || "(),;".contains($0) })
        var result: [(String, String)] = []
        for (i, word) in words.enumerated().dropLast() where ["møte", "mote", "moete", "møtet"].contains(String(word)) {
            let parts = words[i + 1].split(separator: "/")
            guard parts.count == 2, let number = Int(parts[0]), (1...20).contains(number),
                  var year = Int(parts[1].prefix { $0.isNumber }) else { continue }
            if year < 100 { year += 2000 }
            guard (1990...2100).contains(year) else { continue }
            result.append(("\(number)/\(year)", String(year)))
        }
        return result
    }
}
