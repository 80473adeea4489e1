import CICU

/// Word tokenizer on ICU's Unicode word-break rules, with full case folding and NFC.
///
/// Everything ICU does happens in one C call per text, so the cost of crossing into C is paid
/// once per document, not once per word. Case and meeting numbers (`8/1/25`, `1/2025`), which ICU
/// splits at the slashes, are joined back into one token because councils cite them as one word.
public struct ICUWordTokenizer: Tokenizer {
    public init() {}

    public func tokenize(_ text: String) -> [Token] {
        var units = UTF16Units.of(text)
        guard !units.isEmpty, units.count < Int(Int32.max / 4) else { return [] }
        OCRGlyphs.markLetters(in: &units)
        let segments = segment(units)
        var tokens: [Token] = []
        tokens.reserveCapacity(segments.words.count)
        var index = 0
        while index < segments.words.count {
            if let joined = CaseNumberJoiner.join(segments.words, from: index, units: units, folded: segments.folded) {
                tokens.append(Token(text: joined.text, position: Int32(tokens.count), range: joined.range,
                                    flags: [.hasDigit, .caseNumber, .keyword]))
                index += joined.consumed
                continue
            }
            let word = segments.words[index]
            let text = segments.folded.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[Int(word.foldedStart)..<Int(word.foldedStart + word.foldedLength)]), as: UTF8.self)
            }
            tokens.append(Token(text: text, position: Int32(tokens.count), range: word.start..<word.end,
                                flags: Self.flags(of: units[Int(word.start)..<Int(word.end)])))
            index += 1
        }
        return tokens
    }

    private func segment(_ units: [UInt16]) -> (words: [radsok_segment], folded: [UInt8]) {
        // Norwegian text folds to about one UTF-8 byte per UTF-16 unit; retry with the worst case.
        for capacity in [2 * units.count + 64, 9 * units.count + 64] {
            let n = Int32(units.count)
            var words = [radsok_segment](repeating: radsok_segment(), count: units.count)
            var folded = [UInt8](repeating: 0, count: capacity)
            let count = units.withUnsafeBufferPointer { input in
                words.withUnsafeMutableBufferPointer { output in
                    folded.withUnsafeMutableBufferPointer { foldedOutput in
                        radsok_segment_words(input.baseAddress, n, output.baseAddress, n,
                                             foldedOutput.baseAddress, Int32(foldedOutput.count))
                    }
                }
            }
            if count == -Int32(RADSOK_FOLDED_OVERFLOW) { continue }
            words.removeLast(words.count - max(0, Int(count)))
            return (words, folded)
        }
        return ([], [])
    }

    /// Acronym and digit facts from the written form, for the keyword marker.
    static func flags(of written: ArraySlice<UInt16>) -> Token.Flags {
        var letters = 0
        var upper = 0
        var flags: Token.Flags = []
        for unit in written {
            switch unit {
            case 0x30...0x39: flags.insert(.hasDigit)
            case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE: letters += 1; upper += 1
            case 0x61...0x7A, 0xDF...0xF6, 0xF8...0xFF: letters += 1
            default:
                if let scalar = Unicode.Scalar(unit), scalar.properties.isAlphabetic {
                    letters += 1
                    if scalar.properties.isUppercase { upper += 1 }
                }
            }
        }
        if letters >= 2 && upper == letters { flags.insert(.uppercase) }
        return flags
    }
}

/// Joins `8` `/` `1` `/` `25` back into the case number `8/1/2025` (two-digit years are 20xx),
/// and `1` `/` `2025` into the meeting number `1/2025`.
enum CaseNumberJoiner {
    static func join(_ words: [radsok_segment], from start: Int, units: [UInt16], folded: [UInt8])
        -> (text: String, range: Range<Int32>, consumed: Int)?
    {
        var parts: [Int] = []
        var index = start
        while index < words.count, parts.count < 3 {
            let word = words[index]
            guard word.kind == Int32(RADSOK_SEGMENT_NUMBER), word.end - word.start <= 4,
                  let value = asciiNumber(units[Int(word.start)..<Int(word.end)]) else { break }
            if !parts.isEmpty {
                let previousEnd = words[index - 1].end
                guard word.start == previousEnd + 1, units[Int(previousEnd)] == 0x2F else { break }
            }
            parts.append(value)
            index += 1
        }
        guard parts.count >= 2 else { return nil }
        if parts.count == 3, parts[2] < 100 { parts[2] += 2000 }
        let text = parts.map(String.init).joined(separator: "/")
        return (text, words[start].start..<words[index - 1].end, parts.count)
    }

    private static func asciiNumber(_ units: ArraySlice<UInt16>) -> Int? {
        var value = 0
        for unit in units {
            guard (0x30...0x39).contains(unit) else { return nil }
            value = value * 10 + Int(unit - 0x30)
        }
        return units.isEmpty ? nil : value
    }
}
