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
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.utf8.contains(0x2F) {
            guard let date = NorwegianDate.find(in: line) else { continue }
            for meeting in meetings(in: line) where date.hasPrefix(meeting.year) && seen.insert(meeting.id).inserted {
                found.append((meeting.id, date))
            }
        }
        return found
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
