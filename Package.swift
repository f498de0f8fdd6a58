// swift-tools-version: 6.0
import PackageDescription

/// Layering (see docs/DESIGN.md): CampaignKit <- DashboardKit <- CursesTerminal <- chuangwen.
/// Imports only point down; only CursesTerminal touches the terminal through CNcurses.
let package = Package(
  name: "chuangwen",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "chuangwen", targets: ["chuangwen"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
  ],
  targets: [
    .target(name: "CampaignKit"),
    .target(name: "DashboardKit", dependencies: ["CampaignKit"]),
    // Spreadsheet intake (templates out, filled sheets back): beside DashboardKit, on CampaignKit.
    .target(
      name: "IntakeKit",
      dependencies: [
        "CampaignKit", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        .product(name: "CSV", package: "CSV.swift"),
      ]
    ),
    .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
    .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
    .target(name: "CursesTerminal", dependencies: ["DashboardKit", "CNcurses"]),
    .executableTarget(
      name: "chuangwen",
      dependencies: [
        "CampaignKit", "DashboardKit", "CursesTerminal", "IntakeKit", "CMalloc",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ],
      plugins: ["BuildStamp"]
    ),
    .plugin(name: "BuildStamp", capability: .buildTool()),
    .executableTarget(
      name: "chuangwen-bench",
      dependencies: ["CampaignKit", "DashboardKit", "CursesTerminal"],
      path: "Benchmarks/chuangwen-bench"
    ),
    .testTarget(name: "CampaignKitTests", dependencies: ["CampaignKit"]),
    .testTarget(name: "DashboardKitTests", dependencies: ["DashboardKit"], exclude: ["Golden"]),
    .testTarget(name: "IntakeKitTests", dependencies: ["IntakeKit"]),
    .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal"]),
    .testTarget(name: "EndToEndTests", dependencies: ["CampaignKit"]),
  ],
  swiftLanguageModes: [.v6]
)

// The release build is the one that ships (tools/install.sh, the .deb), so on Linux it links the
// Swift runtime and Foundation in, as `--static-swift-stdlib` does: every target compiles against
// the static modules (whose link entries name what the static libraries need, e.g.
// FoundationXML's libxml2) and executables link with `-static-stdlib`. Loading them as a dozen
// shared libraries cost about 10 ms of every start (symbol lookups and relocations), a quarter of
// `snapshot --view brief` on the bundled campaign, and 6 MB of resident memory. Debug builds and
// tests stay dynamic (quicker to link; `swift test` is a debug build). Fuzz builds (sanitizers)
// stay dynamic too.
if Context.environment["CHUANGWEN_FUZZ"] == nil {
  let release = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
  for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-static-stdlib"], release)]
    if target.type == .executable {
      target.linkerSettings = (target.linkerSettings ?? []) + [.unsafeFlags(["-static-stdlib"], release)]
    }
  }
}

// libFuzzer targets (tools/fuzz.sh): declared only when CHUANGWEN_FUZZ is set, so the normal
// `swift build` and `swift test` never see them; they need `-sanitize=fuzzer`, which provides
// `main`.
if Context.environment["CHUANGWEN_FUZZ"] != nil {
  package.targets += [
    .executableTarget(name: "fuzz-json", dependencies: ["CampaignKit"], path: "tools/fuzz/FuzzJSON"),
    .executableTarget(
      name: "fuzz-loader", dependencies: ["CampaignKit", "DashboardKit"], path: "tools/fuzz/FuzzLoader"),
  ]
}
