#!/usr/bin/env python3
"""Check the JSON Schemas in docs/schema/ against the committed fixtures.

    python3 tools/schema/check_schemas.py [--root REPO] [--verbose]

1. Every docs/schema/*.schema.json is itself a valid draft 2020-12 schema, has the
   expected $id, and the shapes the files share ($defs date, text, id, measure, ...) are
   identical wherever they are repeated (each schema is self-contained on purpose, see
   docs/schema/README.md).
2. Every file of fixtures/minimal and fixtures/hongjiang (when present) parses as strict
   JSON and is valid against its schema: the schemas accept what the program accepts.
3. Every fixtures/invalid/<case>/ (a copy of minimal with one defect, see defect.txt) is
   classified, and the result must match EXPECTED below: the schema-level defects are
   caught by the schemas (in the right file); the others (syntax, missing files,
   cross-file references, duplicate ids, cycles, dates outside the period, target equal
   to baseline, values out of range for the indicator's kind) are the loader's job, and
   the schemas must accept those files.
4. A few variants of the minimal fixture that the decoders accept (null for optional
   fields, "$schema", false as a value, ...) or reject (key 9, blank name, ...) must get
   the same verdict from the schemas.

Exit 0 when everything is as expected, 1 otherwise, 2 when the `jsonschema` package is
missing. The last line of a successful run starts with "schema check passed".
"""

import argparse
import copy
import json
import math
import os
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover
    sys.stderr.write(
        "check_schemas.py needs the Python package 'jsonschema' (4.x, draft 2020-12).\n"
        "Install it with:  python3 -m pip install jsonschema\n"
    )
    sys.exit(2)

SCHEMA_KINDS = ["campaign", "organization", "indicators", "tasks", "problems", "report"]
REQUIRED_FILES = ["campaign.json", "organization.json", "indicators.json", "tasks.json", "problems.json"]
ID_BASE = "https://chuangwen.example/schema/chuangwen-1/"
VALID_FIXTURES = ["minimal", "hongjiang"]  # hongjiang is optional (it may not exist yet)

# Outcomes of an invalid case:
#   caught      the schemas reject the named file (pattern/type/enum/... level)
#   format      only a format-asserting validator ("format": "date") rejects it; the
#               pattern cannot see that the day does not exist
#   syntax      a file is not strict JSON (BOM, empty, missing or trailing comma, NaN,
#               a number overflowing to infinity, a key given twice): the loader's job
#   missing     a required file is missing
#   unreadable  a required file is not a regular file
#   passes      every file is schema-valid: the defect needs other fields or other files
#               (references, uniqueness, cycles, the period, target vs baseline, the
#               value range of the indicator's kind) or is only an audit warning
EXPECTED = {
    "wrong-type": ("caught", "indicators.json"),
    "missing-field": ("caught", "indicators.json"),
    "unknown-field": ("caught", "indicators.json"),
    "negative-number": ("caught", "indicators.json"),
    "wrong-choice": ("caught", "indicators.json"),
    "unsupported-schema": ("caught", "tasks.json"),
    "entry-names-both": ("caught", "reports/u-zj.json"),
    "top-level-array": ("caught", "organization.json"),
    "bad-date": ("format", "indicators.json"),
    "byte-order-mark": ("syntax", "campaign.json"),
    "empty-file": ("syntax", "problems.json"),
    "missing-comma": ("syntax", "campaign.json"),
    "trailing-comma": ("syntax", "indicators.json"),
    "nan-value": ("syntax", "reports/u-jj.json"),
    "number-too-large": ("syntax", "reports/u-zj.json"),
    "missing-file": ("missing", "problems.json"),
    "unreadable-file": ("unreadable", "tasks.json"),
    "date-outside-period": ("passes", None),
    "duplicate-id": ("passes", None),
    "duplicate-key": ("passes", None),
    "responsibility-gaps": ("passes", None),
    "target-equals-baseline": ("passes", None),
    "tree-cycle": ("passes", None),
    "unknown-reference": ("passes", None),
    "wrong-kind-reference": ("passes", None),
    "yesno-value": ("passes", None),
}

WHY = {
    "caught": "schema-level",
    "format": "needs format assertion (pattern cannot see the calendar)",
    "syntax": "not strict JSON: loader's job",
    "missing": "missing file: loader's job",
    "unreadable": "not a regular file: loader's job",
    "passes": "cross-field/cross-file: loader's job",
}


class NotJSON(Exception):
    pass


def strict_load(path):
    """Parses a file the way the program does: UTF-8 without BOM, no NaN/Infinity, finite
    numbers, no key given twice."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise NotJSON("starts with a UTF-8 byte order mark")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise NotJSON("not UTF-8: %s" % e)

    def constant(name):
        raise NotJSON("%s is not JSON" % name)

    def number(s):
        v = float(s)
        if not math.isfinite(v):
            raise NotJSON("number %s is not finite" % s)
        return v

    def pairs(items):
        out = {}
        for k, v in items:
            if k in out:
                raise NotJSON('field "%s" is given twice' % k)
            out[k] = v
        return out

    try:
        return json.loads(text, parse_constant=constant, parse_float=number, object_pairs_hook=pairs)
    except json.JSONDecodeError as e:
        raise NotJSON(str(e))


def load_schemas(schema_dir, problems):
    schemas = {}
    for kind in SCHEMA_KINDS:
        path = os.path.join(schema_dir, kind + ".schema.json")
        try:
            s = strict_load(path)
        except (OSError, NotJSON) as e:
            problems.append("%s: cannot read the schema: %s" % (path, e))
            continue
        try:
            Draft202012Validator.check_schema(s)
        except jsonschema.SchemaError as e:
            problems.append("%s: not a valid draft 2020-12 schema: %s" % (path, e.message))
            continue
        if s.get("$id") != ID_BASE + kind + ".schema.json":
            problems.append("%s: $id is %r, expected %r" % (path, s.get("$id"), ID_BASE + kind + ".schema.json"))
        if s.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            problems.append("%s: $schema must name draft 2020-12" % path)
        if s.get("properties", {}).get("schema") is None or "schema" not in s.get("required", []):
            problems.append('%s: must require "schema"' % path)
        schemas[kind] = s
    # Shared shapes are repeated in each self-contained file; they must not drift apart.
    for name in ["schemaTag", "date", "text", "id", "measure", "leader"]:
        copies = {k: s["$defs"][name] for k, s in schemas.items() if name in s.get("$defs", {})}
        if len({json.dumps(v, sort_keys=True) for v in copies.values()}) > 1:
            problems.append("$defs/%s differs between %s" % (name, ", ".join(sorted(copies))))
    return schemas


def validators(schemas):
    plain = {k: Draft202012Validator(s) for k, s in schemas.items()}
    formats = {k: Draft202012Validator(s, format_checker=Draft202012Validator.FORMAT_CHECKER) for k, s in schemas.items()}
    return plain, formats


def campaign_files(directory):
    """(relative path, schema kind) of every file the program reads, like CampaignLoader."""
    files = [(name, name[: -len(".json")]) for name in REQUIRED_FILES]
    reports = os.path.join(directory, "reports")
    if os.path.isdir(reports):
        for name in sorted(os.listdir(reports)):
            if name.endswith(".json") and not name.startswith("."):
                files.append(("reports/" + name, "report"))
    return files


def error_text(e):
    where = "/".join(str(p) for p in e.absolute_path) or "(top)"
    message = e.message if len(e.message) <= 160 else e.message[:150] + " ... " + e.message[-40:]
    return "%s: %s" % (where, message)


def check_file(path, kind, plain, formats):
    """-> (outcome, message) with outcome one of ok, caught, format, syntax, missing, unreadable."""
    if not os.path.lexists(path):
        return "missing", "required file is missing"
    if not os.path.isfile(path):
        return "unreadable", "not a regular file"
    try:
        doc = strict_load(path)
    except NotJSON as e:
        return "syntax", str(e)
    return check_doc(doc, kind, plain, formats)


def check_doc(doc, kind, plain, formats):
    errs = sorted(plain[kind].iter_errors(doc), key=lambda e: list(e.absolute_path))
    if errs:
        return "caught", error_text(errs[0]) + ("" if len(errs) == 1 else " (+%d more)" % (len(errs) - 1))
    ferrs = list(formats[kind].iter_errors(doc))
    if ferrs:
        return "format", error_text(ferrs[0])
    return "ok", ""


def check_directory(directory, plain, formats):
    return [(rel, kind) + check_file(os.path.join(directory, rel), kind, plain, formats)
            for rel, kind in campaign_files(directory)]


# Variants of fixtures/minimal with the verdict the decoders give them (read off
# Sources/CampaignKit/Loading/*.swift): True = the file decodes without error or warning.
def _set(path, value):
    def apply(doc):
        *head, last = path
        node = doc
        for p in head:
            node = node[p]
        node[last] = value
    return apply


def _delete(path):
    def apply(doc):
        *head, last = path
        node = doc
        for p in head:
            node = node[p]
        del node[last]
    return apply


IND0 = ["categories", 0, "items", 0, "indicators", 0]
NODE_SC1 = ["nodes", 3]
VARIANTS = [
    # accepted by the program
    (True, "campaign.json", "$schema at the top level", _set(["$schema"], "../docs/schema/campaign.schema.json")),
    (True, "campaign.json", "null optional fields", lambda d: d.update(asOf=None, locale=None, meetings=None, pace=None, ranking=None, id=None)),
    (True, "campaign.json", "pace with only red", _set(["pace"], {"red": 0.5})),
    (True, "campaign.json", "whole number written 5.0", _set(["ranking", "redListSize"], 5.0)),
    (True, "organization.json", "leading group with parent null", _set(["nodes", 0, "parent"], None)),
    (True, "organization.json", "null short, leaders, responsibility", lambda d: d["nodes"][5].update(short=None, leaders=None, responsibility=None)),
    (True, "indicators.json", "null lead, support, definition", lambda d: d["categories"][0]["items"][0]["indicators"][0].update(lead=None, support=None, definition=None)),
    (True, "indicators.json", "empty definition and unit", lambda d: (d["categories"][0]["items"][0]["indicators"][0].update(definition=""), d["categories"][0]["items"][0]["indicators"][0]["measure"].update(unit=""))),
    (True, "indicators.json", "yesno without baseline and target", _set(IND0 + ["measure"], {"kind": "yesno"})),
    (True, "indicators.json", "direction down", _set(IND0 + ["measure"], {"kind": "count", "baseline": 10, "target": 0, "direction": "down"})),
    (True, "tasks.json", "null optional task fields", lambda d: d["tasks"][0].update(indicator=None, deadline=None, note=None, support=None)),
    (True, "problems.json", "fixed null while open", _set(["problems", 2, "fixed"], None)),
    (True, "problems.json", "fixed with a note", _set(["problems", 0, "fixed"], {"date": "2016-06-03", "note": "已清理"})),
    (True, "problems.json", "fixed, awaiting verification", _delete(["problems", 0, "verified"])),
    (True, "problems.json", "assigned and a grid cell", lambda d: d["problems"][2].update(assigned="2016-06-20", grid="g-xj1")),
    (True, "problems.json", "reopened with the cycle it undid", lambda d: d["problems"][0].update(
        reopened=[{"date": "2016-06-04", "note": "反弹", "fixed": "2016-06-03", "verified": {"date": "2016-06-03", "by": "督查组"}}],
        fixed="2016-06-05", verified={"date": "2016-06-06", "by": "督查组"})),
    (True, "reports/t-qc.json", "false as a value", _set(["entries", 0, "value"], False)),
    (True, "reports/t-qc.json", "note null", _set(["entries", 0, "note"], None)),
    # rejected (error) or warned about by the program
    (False, "campaign.json", "no schema field (warning)", _delete(["schema"])),
    (False, "campaign.json", "unknown locale", _set(["locale"], "fr")),
    (False, "campaign.json", "blank title", _set(["title"], "  ")),
    (False, "campaign.json", "totalPoints 0", _set(["totalPoints"], 0)),
    (False, "campaign.json", "amber above 1", _set(["pace", "amber"], 1.5)),
    (False, "campaign.json", "red above the default amber", _set(["pace"], {"red": 0.95})),
    (False, "campaign.json", "redListSize 2.5", _set(["ranking", "redListSize"], 2.5)),
    (False, "campaign.json", "period without end", _delete(["period", "end"])),
    (False, "organization.json", "sub-command key 9", _set(NODE_SC1 + ["key"], 9)),
    (False, "organization.json", "sub-command without key", _delete(NODE_SC1 + ["key"])),
    (False, "organization.json", "key on a unit (warning)", _set(["nodes", 5, "key"], 3)),
    (False, "organization.json", "unit without parent", _delete(["nodes", 5, "parent"])),
    (False, "organization.json", "leading group with a parent", _set(["nodes", 0, "parent"], "hq")),
    (False, "organization.json", "a second leading group", _set(["nodes", 1, "kind"], "leadingGroup")),
    (False, "organization.json", "leader without title", _set(["nodes", 0, "leaders"], [{"role": "组长"}])),
    (False, "organization.json", "unknown kind", _set(["nodes", 5, "kind"], "bureau")),
    (False, "indicators.json", "required field null", _set(IND0 + ["deadline"], None)),
    (False, "indicators.json", "points 0", _set(IND0 + ["points"], 0)),
    (False, "indicators.json", "negative baseline", _set(IND0 + ["measure", "baseline"], -1)),
    (False, "indicators.json", "count without target", _delete(IND0 + ["measure", "target"])),
    (False, "indicators.json", "yesno from 0 to 2", _set(IND0 + ["measure"], {"kind": "yesno", "baseline": 0, "target": 2})),
    (False, "indicators.json", "unknown direction", _set(IND0 + ["measure", "direction"], "sideways")),
    (False, "indicators.json", "date without leading zeros", _set(IND0 + ["deadline"], "2016-9-30")),
    (False, "indicators.json", "support not a list of strings", _set(IND0 + ["support"], [1])),
    (False, "problems.json", "unknown severity", _set(["problems", 0, "severity"], "grave")),
    (False, "problems.json", "unknown source", _set(["problems", 0, "source"], "tv")),
    (False, "problems.json", "verified without by", _set(["problems", 0, "verified"], {"date": "2016-06-03"})),
    (False, "problems.json", "fixed object without date", _set(["problems", 0, "fixed"], {"note": "已清理"})),
    (False, "problems.json", "reopened entry without date", _set(["problems", 0, "reopened"], [{"note": "反弹"}])),
    (False, "reports/t-qc.json", "entry without subject", lambda d: d["entries"][0].pop("indicator", None) or d["entries"][0].pop("task", None)),
    (False, "reports/t-qc.json", "indicator null", lambda d: d["entries"][0].update(indicator=None) if "indicator" in d["entries"][0] else d["entries"][0].update(task=None)),
    (False, "reports/t-qc.json", "value null", _set(["entries", 0, "value"], None)),
    (False, "reports/t-qc.json", "value as text", _set(["entries", 0, "value"], "95%")),
    (False, "reports/t-qc.json", "negative value", _set(["entries", 0, "value"], -3)),
    (False, "reports/t-qc.json", "no unit", _delete(["unit"])),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(here)), help="repository root")
    ap.add_argument("--verbose", "-v", action="store_true", help="print every file and variant")
    args = ap.parse_args()
    root = args.root
    failures = []

    schemas = load_schemas(os.path.join(root, "docs", "schema"), failures)
    if len(schemas) != len(SCHEMA_KINDS):
        for f in failures:
            print("FAIL " + f)
        print("schema check FAILED: %d problem(s)" % len(failures))
        return 1
    print("schemas: %d valid draft 2020-12 schemas (%s)" % (len(schemas), ", ".join(SCHEMA_KINDS)))
    plain, formats = validators(schemas)

    # Valid fixtures.
    valid_files = 0
    for name in VALID_FIXTURES:
        d = os.path.join(root, "fixtures", name)
        if not os.path.isdir(d):
            print("fixtures/%s: not present, skipped" % name)
            continue
        results = check_directory(d, plain, formats)
        bad = [(rel, outcome, msg) for rel, _, outcome, msg in results if outcome != "ok"]
        for rel, outcome, msg in bad:
            failures.append("fixtures/%s/%s: expected valid, got %s: %s" % (name, rel, outcome, msg))
        valid_files += len(results)
        print("fixtures/%s: %d files, %s" % (name, len(results), "all valid" if not bad else "%d INVALID" % len(bad)))
        if args.verbose:
            for rel, kind, outcome, msg in results:
                print("  %-28s %-13s %s %s" % (rel, kind, outcome, msg))

    # Invalid fixtures.
    inv = os.path.join(root, "fixtures", "invalid")
    cases = sorted(c for c in os.listdir(inv) if os.path.isfile(os.path.join(inv, c, "defect.txt"))) if os.path.isdir(inv) else []
    counts = {}
    print("fixtures/invalid: %d cases" % len(cases))
    for case in cases:
        d = os.path.join(inv, case)
        with open(os.path.join(d, "defect.txt"), encoding="utf-8") as f:
            defect = f.read().strip()
        results = check_directory(d, plain, formats)
        flagged = [(rel, outcome, msg) for rel, _, outcome, msg in results if outcome != "ok"]
        if not flagged:
            got, where, msg = "passes", None, ""
        else:
            # The most basic problem wins: a file that cannot be read hides its schema errors.
            order = ["missing", "unreadable", "syntax", "caught", "format"]
            flagged.sort(key=lambda r: order.index(r[1]))
            where, got, msg = flagged[0]
        expected = EXPECTED.get(case)
        if expected is None:
            status = "NEW "
            print("  %s %-24s %-10s %s  [unclassified: add it to EXPECTED in %s]" % (status, case, got, defect, os.path.relpath(__file__, root)))
        else:
            exp_outcome, exp_file = expected
            ok = got == exp_outcome and (exp_file is None or where == exp_file) and len(flagged) <= 1
            status = "ok  " if ok else "FAIL"
            if not ok:
                failures.append(
                    "fixtures/invalid/%s: expected %s%s, got %s in %s (%d file(s) flagged): %s"
                    % (case, exp_outcome, " in " + exp_file if exp_file else "", got, where, len(flagged), msg))
            print("  %s %-24s %-10s %-48s %s" % (status, case, got, defect[:48], WHY[got]))
        if args.verbose and msg:
            print("         %s: %s" % (where, msg))
        counts[got] = counts.get(got, 0) + 1

    # Variants of the minimal fixture.
    base = os.path.join(root, "fixtures", "minimal")
    kinds = dict(campaign_files(base))
    variant_fail = 0
    for accepted, rel, what, mutate in VARIANTS:
        try:
            doc = strict_load(os.path.join(base, rel))
            mutate(doc)
        except (OSError, NotJSON, KeyError, IndexError, TypeError) as e:
            failures.append("variant %s (%s): cannot build it from fixtures/minimal: %r" % (what, rel, e))
            variant_fail += 1
            continue
        outcome, msg = check_doc(doc, kinds[rel], plain, formats)
        if (outcome == "ok") != accepted:
            variant_fail += 1
            failures.append("variant %s (%s): the program %s it, the schema says %s %s"
                            % (what, rel, "accepts" if accepted else "rejects", outcome, msg))
        elif args.verbose:
            print("  variant ok: %-40s %s %s" % (what, outcome, msg))
    print("variants: %d of %d agree with the decoders" % (len(VARIANTS) - variant_fail, len(VARIANTS)))

    for f in failures:
        print("FAIL " + f)
    caught = counts.get("caught", 0) + counts.get("format", 0)
    if failures:
        print("schema check FAILED: %d problem(s)" % len(failures))
        return 1
    print("schema check passed: %d valid fixture files, %d invalid cases (%d caught by the schemas, %d left to the loader), %d variants"
          % (valid_files, len(cases), caught, len(cases) - caught, len(VARIANTS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
