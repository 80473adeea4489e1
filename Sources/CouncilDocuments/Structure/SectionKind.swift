/// What part of a meeting package a section is.
public enum SectionKind: String, Sendable, Codable, CaseIterable {
    /// The agenda: one line per case.
    case saksliste
    /// A case presentation to the council, ending in "Forslag til vedtak".
    case saksfremlegg
    /// The minutes' account of a case.
    case referat
    /// An adopted decision on its own: what the council decided.
    case vedtak
    /// A proposed decision ("Forslag til vedtak", "Innstilling"): what was put to the council.
    case forslag
    /// An attachment (annual report, letters…).
    case vedlegg
    case other
}
