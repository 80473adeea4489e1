/// Where a hit stands, as a terminal shows it: `referat.txt:20-35`, or for a PDF the pages a
/// reader opens (`sakspapirer.pdf s. 3–4`), since the lines of its extracted text are in no file.
enum Place {
    static func text(file: String, lines: [Int], pages: ClosedRange<Int>?) -> String {
        if let pages {
            return "\(file) s. " + (pages.count == 1 ? "\(pages.lowerBound)" : "\(pages.lowerBound)–\(pages.upperBound)")
        }
        return "\(file):\(lines[0])-\(lines[1])"
    }
}
