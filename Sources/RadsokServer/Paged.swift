/// A response with the paging it was asked for: the same fields as the CLI's JSON, plus `offset`
/// and `limit`.
struct Paged<Value: Encodable & Sendable>: Encodable, Sendable {
    let value: Value
    let offset: Int
    let limit: Int

    enum CodingKeys: String, CodingKey { case offset, limit }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(offset, forKey: .offset)
        try c.encode(limit, forKey: .limit)
    }
}
