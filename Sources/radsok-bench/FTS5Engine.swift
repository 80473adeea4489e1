import CSQLite
import Foundation

/// The peer: SQLite FTS5 with the `unicode61 remove_diacritics 2` tokenizer and `bm25()` ranking,
/// over the same sections as Rådsøk, queried with the same words as an OR of terms.
enum FTS5Engine {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func open(_ path: String, readOnly: Bool) throws -> OpaquePointer {
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        guard sqlite3_open_v2(path, &db, flags, nil) == SQLITE_OK, let db else { throw Failure(description: "cannot open \(path)") }
        return db
    }

    static func exec(_ db: OpaquePointer, _ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(db, sql, nil, nil, &message) == SQLITE_OK else {
            defer { sqlite3_free(message) }
            throw Failure(description: message.map { String(cString: $0) } ?? "sqlite error")
        }
    }

    /// Builds the FTS5 table from the corpus; returns the number of sections.
    static func build(corpus: String, database: String) throws -> Int {
        try? FileManager.default.removeItem(atPath: database)
        let db = try open(database, readOnly: false)
        defer { sqlite3_close(db) }
        try exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        try exec(db, "CREATE VIRTUAL TABLE sections USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');")
        try exec(db, "BEGIN")
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "INSERT INTO sections(body) VALUES (?)", -1, &statement, nil) == SQLITE_OK else {
            throw Failure(description: "prepare failed")
        }
        defer { sqlite3_finalize(statement) }
        var count = 0
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for section in try BenchSections(corpus: corpus) {
            section.withUnsafeBufferPointer { body in
                _ = body.withMemoryRebound(to: CChar.self) {
                    sqlite3_bind_text(statement, 1, $0.baseAddress, Int32($0.count), transient)
                }
            }
            guard sqlite3_step(statement) == SQLITE_DONE else { throw Failure(description: "insert failed") }
            sqlite3_reset(statement)
            count += 1
        }
        try exec(db, "COMMIT")
        return count
    }

    /// A prepared top-k query on one connection.
    struct Searcher {
        let db: OpaquePointer
        let statement: OpaquePointer

        init(database: String, limit: Int) throws {
            db = try FTS5Engine.open(database, readOnly: true)
            var s: OpaquePointer?
            guard sqlite3_prepare_v2(db, "SELECT rowid FROM sections WHERE sections MATCH ? ORDER BY bm25(sections) LIMIT \(limit)", -1, &s, nil) == SQLITE_OK,
                  let s else { throw Failure(description: String(cString: sqlite3_errmsg(db))) }
            statement = s
        }

        /// Returns the rowids of the best sections for a MATCH expression.
        func search(_ match: String) -> [Int64] {
            let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
            sqlite3_bind_text(statement, 1, match, -1, transient)
            var rows: [Int64] = []
            while sqlite3_step(statement) == SQLITE_ROW { rows.append(sqlite3_column_int64(statement, 0)) }
            sqlite3_reset(statement)
            return rows
        }

        func close() {
            sqlite3_finalize(statement)
            sqlite3_close(db)
        }
    }
}
