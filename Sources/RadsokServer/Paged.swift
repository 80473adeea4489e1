import SearchIndex

/// A response with the paging it was asked for: the same fields as the CLI's JSON, plus `offset`
/// and `limit`, and `facets` when asked for (`facets=1`).
struct Paged<Value: Encodable & Sendable>: Encodable, Sendable {
    let value: Value
    let offset: Int
    let limit: Int
    var facets: SearchFacets?

    enum CodingKeys: String, CodingKey { case offset, limit, facets }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(offset, forKey: .offset)
        try c.encode(limit, forKey: .limit)
        try c.encodeIfPresent(facets, forKey: .facets)
    }
}
