import Foundation
import SearchIndex

/// Index locations that cannot be one, said plainly before opening them gives a bare Foundation
/// error ("NSCocoaErrorDomain error 256" for an index file that is a folder).
public enum IndexLocation {
    /// What is wrong with `folder` as the place of an index, or nil when nothing is known to be.
    public static func problem(folder: String) -> String? {
        let file = (folder as NSString).appendingPathComponent(IndexFormat.fileName)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            return "\(file) is a folder, not an index file; remove it or give --index another folder"
        }
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            return "--index \(folder) is a file, not a folder; give the folder that holds the index"
        }
        return nil
    }
}
