/// How a place in a PDF is written in the JSON: `"page": 12` for one page, `"pages": [12, 13]`
/// for a span, nothing for a document without pages.
extension KeyedEncodingContainer {
    mutating func encodePages(_ pages: ClosedRange<Int>?, page: Key, pages span: Key) throws {
        guard let pages else { return }
        if pages.count == 1 {
            try encode(pages.lowerBound, forKey: page)
        } else {
            try encode([pages.lowerBound, pages.upperBound], forKey: span)
        }
    }
}
