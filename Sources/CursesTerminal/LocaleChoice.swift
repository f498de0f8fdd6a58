/// Deciding the character-type locale. Chinese only renders when the C library decodes and
/// measures UTF-8 (`wcwidth` returns -1 otherwise and ncurses prints blanks), so a non-UTF-8
/// environment (`LANG` unset, `LANG=C`) is overridden rather than obeyed.
public enum LocaleChoice {
  /// Locales to try, in order, for `LC_CTYPE` after `setlocale(LC_ALL, "")` left `codeset`;
  /// empty when the environment's locale is already UTF-8 and should be kept as is.
  public static func fallbacks(forCodeset codeset: String) -> [String] {
    isUTF8(codeset) ? [] : ["C.UTF-8", "C.utf8", "en_US.UTF-8", "UTF-8"]
  }

  /// `nl_langinfo(CODESET)` spells it "UTF-8" on glibc and macOS; accept the usual variants.
  public static func isUTF8(_ codeset: String) -> Bool {
    let folded = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
    return folded == "utf8"
  }
}
