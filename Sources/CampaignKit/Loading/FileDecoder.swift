/// Decodes one campaign file from its bytes into model values, collecting every problem.
public enum FileDecoder {
  public static let schema = "chuangwen/1"

  public static func decode(path: String, kind: FileKind, bytes: [UInt8]) -> DecodedFile {
    bytes.withUnsafeBufferPointer { decode(path: path, kind: kind, buffer: $0) }
  }

  /// As ``decode(path:kind:bytes:)``, from bytes the caller keeps (a reader's reused buffer).
  /// A report written the usual way takes ``ReportFastDecoder``'s way; anything else, and any
  /// report it does not find plainly fine, the general one.
  static func decode(path: String, kind: FileKind, buffer bytes: UnsafeBufferPointer<UInt8>) -> DecodedFile {
    if kind == .report, let (report, sites) = ReportFastDecoder.decode(path: path, bytes: bytes) {
      var file = DecodedFile(
        path: path, kind: kind, content: .report(report), findings: [], definitions: [], references: [],
        dates: [], values: [])
      file.reportSites = sites
      return file
    }
    return general(path: path, kind: kind, buffer: bytes)
  }

  /// The decoder for every file: parse into a tree, then read it field by field.
  static func general(path: String, kind: FileKind, buffer bytes: UnsafeBufferPointer<UInt8>) -> DecodedFile {
    let ctx = DecodeContext(file: path)
    let content: DecodedFile.Content
    do {
      let root = try JSONParser.parse(bytes)
      DataLimits.check(root, kind: kind, diag: ctx.diag)
      if let top = ObjectReader.make(root, at: .top, diag: ctx.diag, what: "a JSON object at the top level") {
        content = decodeTop(top, kind: kind, ctx: ctx)
      } else {
        content = .unusable
      }
    } catch {
      ctx.diag.error(error.message, at: error.position, path: "")
      content = .unusable
    }
    return DecodedFile(
      path: path, kind: kind, content: content, findings: ctx.diag.findings,
      definitions: ctx.definitions, references: ctx.references, dates: ctx.dates, values: ctx.values)
  }

  static func decodeTop(_ top: ObjectReader, kind: FileKind, ctx: DecodeContext) -> DecodedFile.Content {
    checkSchema(top, ctx: ctx)
    defer { top.finish(known: ["schema", "$schema"]) }
    switch kind {
    case .campaign: return CampaignFileDecoder.decode(top, ctx: ctx).map { .campaign($0) } ?? .unusable
    case .organization: return .organization(OrganizationDecoder.decode(top, ctx: ctx))
    case .indicators: return .indicators(IndicatorsDecoder.decode(top, ctx: ctx))
    case .tasks: return .tasks(WorkDecoder.tasks(top, ctx: ctx))
    case .problems: return .problems(WorkDecoder.problems(top, ctx: ctx))
    case .report:
      return WorkDecoder.report(top, path: ctx.diag.file, ctx: ctx).map { .report($0) } ?? .unusable
    }
  }

  static func checkSchema(_ top: ObjectReader, ctx: DecodeContext) {
    guard let n = top.node("schema", required: false) else {
      ctx.diag.warning(
        "missing \"schema\": \"\(schema)\" (add it as the first field so editors can validate the file)",
        at: top.position, path: "")
      return
    }
    guard case .string(let s) = n.value, s == schema else {
      ctx.diag.error(
        "unsupported schema \(describeFound(n.value)); this version of chuangwen reads \"\(schema)\"",
        at: n.position, path: "schema")
      return
    }
  }
}

/// The state shared by the decoders of one file.
final class DecodeContext {
  let diag: Diagnostics
  var definitions: [IDSite] = []
  var references: [ReferenceSite] = []
  var dates: [DateSite] = []
  var values: [ValueSite] = []

  init(file: String) { diag = Diagnostics(file: file) }

  /// Reads a required id field and records its definition.
  func id(_ r: ObjectReader, space: IDSite.Space) -> String? {
    guard let id = r.string("id") else { return nil }
    definitions.append(
      IDSite(space: space, id: id, position: r.object["id"]!.position, jsonPath: r.site("id")))
    return id
  }

  /// Reads an id-valued field and records it as a reference to check later.
  func reference(_ r: ObjectReader, _ key: String, to target: ReferenceSite.Target, required: Bool = true)
    -> String?
  {
    guard let id = r.string(key, required: required) else { return nil }
    references.append(
      ReferenceSite(
        target: target, id: id, position: r.object[key]!.position, jsonPath: r.site(key)))
    return id
  }

  func references(_ r: ObjectReader, _ key: String, to target: ReferenceSite.Target) -> [String] {
    r.stringArray(key).map { item in
      references.append(
        ReferenceSite(target: target, id: item.value, position: item.position, jsonPath: item.site))
      return item.value
    }
  }

  /// Reads a date field that must lie within the campaign period.
  func periodDay(_ r: ObjectReader, _ key: String, required: Bool = true) -> Day? {
    guard let d = r.day(key, required: required) else { return nil }
    dates.append(DateSite(day: d, position: r.object[key]!.position, jsonPath: r.site(key)))
    return d
  }
}
