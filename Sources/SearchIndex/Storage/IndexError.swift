/// Why an index could not be built, written or opened.
public enum IndexError: Error, CustomStringConvertible, Equatable, Sendable {
    case missing(String)
    case corrupt(String)
    case unsupportedVersion(UInt32)
    case io(String)
    case emptyCorpus(String)

    public var description: String {
        switch self {
        case .missing(let path): "no index at \(path); run 'radsok index' to build it"
        case .corrupt(let why): "the index is damaged (\(why)); run 'radsok index' to rebuild it"
        case .unsupportedVersion(let v): "the index has format version \(v), this radsok reads version \(IndexFormat.version); run 'radsok index' to rebuild it"
        case .io(let why): why
        case .emptyCorpus(let why): why
        }
    }
}
