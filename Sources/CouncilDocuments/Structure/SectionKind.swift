/// What part of a meeting package a section is.
public enum SectionKind: String, Sendable, Codable, CaseIterable {
    /// The agenda: one line per case.
    case saksliste
    /// A case presentation to the council, ending in "Forslag til vedtak".
    case saksfremlegg
    /// The minutes' account of a case.
    case referat
    /// A decision on its own.
    case vedtak
    /// An attachment (annual report, letters…).
    case vedlegg
    case other
}
