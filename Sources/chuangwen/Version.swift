/// What `chuangwen --version` prints.
///
/// The release number lives here and nowhere else (tools/package-deb.sh reads it from the built
/// binary). The build's `git describe` comes from ``BuildStamp``, which the BuildStamp plugin
/// writes at build time: in a git checkout it names the exact commit (and `-dirty` for local
/// changes); in a tarball without `.git` it is nil and only the number is shown, unless the
/// packager sets `CHUANGWEN_BUILD_DESCRIBE`.
enum Version {
  static let number = "0.9.0"

  /// `0.9.0 (git 2c7db4d-dirty)`, or `0.9.0` when the build knows no git description.
  static var text: String {
    guard let describe = BuildStamp.describe else { return number }
    return "\(number) (git \(describe))"
  }
}
