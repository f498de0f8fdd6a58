import CampaignKit
import Foundation

/// Finds and reads the sheets handed in: files named on the command line, and the `.xlsx` and
/// `.csv` files inside folders named there (not recursively; hidden files and the `~$…` lock
/// files Excel and WPS leave beside an open workbook are skipped).
public enum SheetFiles {
  public static func expand(_ paths: [String]) -> (files: [String], issues: [ImportIssue]) {
    var files: [String] = []
    var issues: [ImportIssue] = []
    for p in paths {
      var isDir: ObjCBool = false
      guard FileManager.default.fileExists(atPath: p, isDirectory: &isDir) else {
        issues.append(ImportIssue(file: p, sheet: "", cell: nil, message: "no such file or folder"))
        continue
      }
      if isDir.boolValue {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: p)) ?? []).sorted()
        let sheets = names.filter { n in
          !n.hasPrefix(".") && !n.hasPrefix("~$") && (kind(of: n) != nil)
        }
        if sheets.isEmpty {
          issues.append(
            ImportIssue(file: p, sheet: "", cell: nil, message: "no .xlsx or .csv files in this folder"))
        }
        files += sheets.map { (p as NSString).appendingPathComponent($0) }
      } else {
        files.append(p)
      }
    }
    return (files, issues)
  }

  public enum Kind: Sendable { case xlsx, csv }

  public static func kind(of name: String) -> Kind? {
    switch (name as NSString).pathExtension.lowercased() {
    case "xlsx": .xlsx
    case "csv": .csv
    default: nil
    }
  }

  /// The sheets of one file, or why it cannot be read.
  public static func read(_ path: String) -> Result<[Sheet], ImportIssue> {
    let shown = (path as NSString).lastPathComponent
    func fail(_ m: String) -> Result<[Sheet], ImportIssue> {
      .failure(ImportIssue(file: shown, sheet: "", cell: nil, message: m))
    }
    guard let k = kind(of: path) else { return fail("not an .xlsx or .csv file") }
    let bytes: [UInt8]
    do {
      bytes = try FileBytes.read(path)
    } catch {
      return fail("cannot be read: \(error)")
    }
    switch k {
    case .xlsx:
      do {
        return .success(try XLSXReader.sheets(Data(bytes)))
      } catch {
        return fail("\(error)")
      }
    case .csv:
      do {
        return .success([try CSVSheet.read(bytes, name: "").sheet])
      } catch {
        return fail("\(error)")
      }
    }
  }
}
