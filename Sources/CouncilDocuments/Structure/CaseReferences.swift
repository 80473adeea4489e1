/// Case numbers cited in running text ("Tidligere behandlet 5/1/2023, 19/2/2023", "se også sak
/// 42/5/2022", "(sak 29/3/22)"), so a case can list the cases it refers to and be found from them.
public enum CaseReferences {
    public static func find(in line: String) -> [CaseID] {
        var found: [CaseID] = []
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count {
            guard isDigit(bytes[i]), i == 0 || !(isDigit(bytes[i - 1]) || bytes[i - 1] == 0x2F) else { i += 1; continue }
            var parts: [Int] = []
            var digits: [Int] = []
            var j = i
            var lastDigitsCount = 0
            while j < bytes.count, parts.count < 3 {
                if isDigit(bytes[j]) {
                    digits.append(Int(bytes[j] - 0x30))
                    j += 1
                } else if bytes[j] == 0x2F, !digits.isEmpty, parts.count < 2 {
                    parts.append(digits.reduce(0) { $0 * 10 + $1 })
                    digits = []
                    j += 1
                } else {
                    break
                }
            }
            if !digits.isEmpty, digits.count <= 4 {
                lastDigitsCount = digits.count
                parts.append(digits.reduce(0) { $0 * 10 + $1 })
            }
            let followedByNumber = j < bytes.count && (isDigit(bytes[j]) || bytes[j] == 0x2F)
            if parts.count == 3, !followedByNumber, lastDigitsCount == 2 || lastDigitsCount == 4,
               let id = CaseID("\(parts[0])/\(parts[1])/\(parts[2])") {
                found.append(id)
            }
            i = max(j, i + 1)
        }
        return found
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
