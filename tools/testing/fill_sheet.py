#!/usr/bin/env python3
"""Fill a report sheet the way a unit would, with a real spreadsheet library (openpyxl), for the
import tests: chuangwen must read what other programs write, not only what it writes itself.

    fill_sheet.py IN.xlsx OUT.xlsx [SHEET!]CELL=VALUE ...
    fill_sheet.py --csv ENCODING IN.csv OUT.csv CELL=VALUE ...

VALUE is written as a number when it parses as one, else as text; `0.95@0%` writes the number
0.95 formatted as a percentage (what Excel stores when a user types 95%); `=FORMULA` writes a
formula (openpyxl stores no cached value; LibreOffice or Excel would compute one).
With --csv the file is read as UTF-8 (with or without BOM), the cells set, and written back in
ENCODING (utf-8, utf-8-sig or gb18030), as Excel or WPS on Chinese Windows would save it.
"""
import csv
import io
import re
import sys


def parse(assign: str):
    target, value = assign.split("=", 1)
    sheet, cell = (target.split("!", 1) if "!" in target else (None, target))
    return sheet, cell, value


def typed(value: str):
    fmt = None
    if "@" in value and not value.startswith("="):
        value, fmt = value.split("@", 1)
    try:
        number = float(value)
        return (int(number) if number.is_integer() else number), fmt
    except ValueError:
        return value, fmt


def fill_xlsx(src: str, dst: str, assigns: list[str]) -> None:
    import openpyxl  # imported here so --csv works without it

    wb = openpyxl.load_workbook(src)
    for a in assigns:
        sheet, cell, value = parse(a)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        v, fmt = typed(value)
        ws[cell] = v
        if fmt:
            ws[cell].number_format = fmt
    wb.save(dst)


def fill_csv(encoding: str, src: str, dst: str, assigns: list[str]) -> None:
    rows = list(csv.reader(io.StringIO(open(src, encoding="utf-8-sig", newline="").read())))
    for a in assigns:
        _, cell, value = parse(a)
        m = re.fullmatch(r"([A-Z]+)(\d+)", cell)
        col = 0
        for ch in m.group(1):
            col = col * 26 + ord(ch) - 64
        row = int(m.group(2))
        while len(rows) < row:
            rows.append([])
        while len(rows[row - 1]) < col:
            rows[row - 1].append("")
        rows[row - 1][col - 1] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    open(dst, "wb").write(out.getvalue().encode(encoding))


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--csv":
        fill_csv(args[1], args[2], args[3], args[4:])
    else:
        fill_xlsx(args[0], args[1], args[2:])
