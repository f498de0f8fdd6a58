/// `organization.json`: the command tree.
enum OrganizationDecoder {
  static func decode(_ top: ObjectReader, ctx: DecodeContext) -> [OrgNode] {
    var nodes: [OrgNode] = []
    for element in top.array("nodes") ?? [] {
      guard let r = ObjectReader.make(element, diag: ctx.diag) else { continue }
      defer { r.finish() }
      let id = ctx.id(r, space: .node)
      let kind = r.choice("kind", as: NodeKind.self)
      let name = r.string("name")
      let short = r.string("short", required: false)
      let parent = ctx.reference(r, "parent", to: .anyNode, required: kind != nil && kind != .leadingGroup)
      if kind == .leadingGroup, let p = r.object["parent"], !isNull(p) {
        ctx.diag.error(
          "the leading group is the top of the tree and has no parent", at: p.position, path: r.path("parent")
        )
      }
      var key: Int?
      if kind == .subCommand {
        key = r.integer("key", range: 1...8)
      } else if let k = r.object["key"] {
        _ = r.node("key", required: false)
        ctx.diag.warning(
          "only sub-commands have a key; this one is ignored", at: k.position, path: r.path("key"))
      }
      var leaders: [Leader] = []
      for element in r.array("leaders", required: false) ?? [] {
        guard let lr = ObjectReader.make(element, diag: ctx.diag) else { continue }
        if let role = lr.string("role"), let title = lr.string("title") {
          leaders.append(Leader(role: role, title: title))
        }
        lr.finish()
      }
      var responsibility: Responsibility?
      if let rr = r.object("responsibility", required: false) {
        responsibility = Responsibility(
          signed: rr.day("signed", required: false), targets: rr.stringArray("targets").map(\.value))
        rr.finish()
      }
      guard let id, let kind, let name else { continue }
      if kind == .subCommand && key == nil { continue }
      nodes.append(
        OrgNode(
          id: id, kind: kind, name: name, short: short, parent: kind == .leadingGroup ? nil : parent,
          key: key,
          leaders: leaders, responsibility: responsibility))
    }
    return nodes
  }

  static func isNull(_ n: JSONNode) -> Bool {
    if case .null = n.value { return true }
    return false
  }
}
