/// Finds a date written the Norwegian way ("3. februar 2023", "Mandag 24. februar 2025",
/// "28.11.2022") and gives it as ISO `YYYY-MM-DD`.
public enum NorwegianDate {
    static let months = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                         "september", "oktober", "november", "desember"]

    public static func find(in line: some StringProtocol) -> String? {
        let words = line.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," })
        for (i, word) in words.enumerated() {
            // "24.02.2025"
            let numeric = word.split(separator: ".")
            if numeric.count == 3, let d = Int(numeric[0]), let m = Int(numeric[1]), let y = Int(numeric[2]), numeric[2].count == 4 {
                if let iso = iso(year: y, month: m, day: d) { return iso }
            }
            // "24." "februar" "2025"
            guard word.hasSuffix("."), let d = Int(word.dropLast()), i + 2 < words.count,
                  let m = months.firstIndex(of: String(words[i + 1])),
                  let y = Int(words[i + 2].prefix(4)) else { continue }
            if let iso = iso(year: y, month: m + 1, day: d) { return iso }
        }
        return nil
    }

    /// An ISO date written the Norwegian way: "2023-11-27" → "27. november 2023"; nil for
    /// anything else.
    public static func written(iso: String) -> String? {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              Self.iso(year: y, month: m, day: d) != nil else { return nil }
        return "\(d). \(months[m - 1]) \(y)"
    }

    static func iso(year: Int, month: Int, day: Int) -> String? {
        guard (1990...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(mm)-\(dd)"
    }
}
