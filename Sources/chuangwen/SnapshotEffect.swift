import CampaignKit
import DashboardKit
import Foundation

/// `p` in the dashboard: the current view as text and HTML, written into the snapshot directory
/// under a timestamped name, atomically, never over an existing file.
enum SnapshotEffect {
  /// Writes both files and returns their paths (text first).
  static func write(
    page: Page, data: DashboardData, width: Int, options: RenderOptions, sort: DashboardKit.SortOrder,
    directory: String,
    now: Date = Date()
  ) throws -> [String] {
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw SnapshotWriteError("cannot create \(directory): \(error.localizedDescription)")
    }
    let base = fileName(SnapshotViews.name(of: page, campaign: data.campaign)) + "-" + Clock.fileStamp(now)
    var written: [String] = []
    for format in [SnapshotFormat.text, .html] {
      let text = Snapshot.render(format, page: page, data: data, width: width, options: options, sort: sort)
      written.append(try writeNew(text, directory: directory, base: base, ext: format.fileExtension))
    }
    return written
  }

  /// Writes under `base.ext`, or `base-2.ext`, `base-3.ext` … if that name is taken.
  static func writeNew(_ text: String, directory: String, base: String, ext: String) throws -> String {
    for n in 1...100 {
      let path = "\(directory)/\(base)\(n == 1 ? "" : "-\(n)").\(ext)"
      if FileManager.default.fileExists(atPath: path) { continue }
      do {
        try AtomicFile.write(text, to: path, overwrite: false)
        return path
      } catch  where FileManager.default.fileExists(atPath: path) {
        continue  // taken between the check and the link: try the next name
      }
    }
    throw SnapshotWriteError("too many snapshots named \(base) in \(directory)")
  }

  /// A view name made safe for a file name: `subcommand:3` → `subcommand-3`.
  static func fileName(_ view: String) -> String {
    String(
      view.unicodeScalars.map { s -> Character in
        switch s {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": Character(s)
        default: "-"
        }
      })
  }
}

struct SnapshotWriteError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
