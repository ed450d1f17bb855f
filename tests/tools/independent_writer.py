#!/usr/bin/python3
"""An export bundle written the way a third party would: from docs/bundle-format.md alone,
sharing no code with datavoice. Standard library plus PyNaCl (Debian: python3-nacl) for the
Ed25519 signature. Used by the test "Collect/a bundle written in Python ...".

Usage: independent_writer.py --pack PACK_DIR --out PARENT --site LABEL --visits N [--seed HEX64]
Prints two lines: the bundle folder, then the kiosk public key (base64) to enrol.
Each visit answers every single and scale question of the pack's default language (options
in turn), the first multi-choice question (up to max_choices options), and the first
scenario's view twice (phase first and second).
"""
import argparse
import base64
import csv
import hashlib
import io
import json
import os
import secrets
import tomllib

import nacl.signing


def field(data: bytes) -> bytes:
    """A length-prefixed field: its length in bytes, ':', its bytes."""
    return str(len(data)).encode() + b":" + data


def pack_hash(pack_dir: str) -> str:
    """The *.toml files of the pack folder and of its language folders one level down,
    sorted by relative path in byte order; for each, fields path and bytes."""
    files = {}
    for name in os.listdir(pack_dir):
        path = os.path.join(pack_dir, name)
        if os.path.isfile(path) and name.endswith(".toml"):
            files[name] = path
        elif os.path.isdir(path):
            for inner in os.listdir(path):
                inner_path = os.path.join(path, inner)
                if os.path.isfile(inner_path) and inner.endswith(".toml"):
                    files[name + "/" + inner] = inner_path
    h = hashlib.sha256()
    for rel in sorted(files, key=lambda r: r.encode()):
        with open(files[rel], "rb") as f:
            h.update(field(rel.encode()) + field(f.read()))
    return h.hexdigest()


def question_hash(q: dict) -> str:
    qtype = q["type"]
    max_choices = q.get("max_choices", 1) if qtype == "multi" else 1
    max_length = q.get("max_length", 200) if qtype == "text" else 0
    structure = "|".join([q["id"], qtype, str(max_choices), str(max_length), "y" if q.get("about_you") else "n", ""])
    for o in q.get("options", []):
        structure += o["id"] + "," + o.get("icon", "") + ";"
    if "show_if" in q:
        structure += "if:" + q["show_if"]["question"] + "=" + ",".join(q["show_if"]["any_of"])
    parts = [structure, q["text"], q.get("help", "")] + [o["label"] for o in q.get("options", [])]
    return hashlib.sha256(b"".join(field(p.encode()) for p in parts)).hexdigest()


def csv_bytes(header, rows) -> bytes:
    """UTF-8 with a BOM, RFC 4180 quoting, CRLF; formula-like fields get one apostrophe."""
    def safe(v):
        v = str(v)
        return "'" + v if v[:1] in ("=", "+", "-", "@", "\t", "\r", "'") else v
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for r in rows:
        w.writerow([safe(v) for v in r])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pack", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--site", required=True)
    ap.add_argument("--visits", type=int, required=True)
    ap.add_argument("--seed", default=None)
    a = ap.parse_args()

    with open(os.path.join(a.pack, "pack.toml"), "rb") as f:
        pack = tomllib.load(f)
    lang = pack["default_language"]
    with open(os.path.join(a.pack, lang, "questions.toml"), "rb") as f:
        questions = tomllib.load(f)["question"]
    with open(os.path.join(a.pack, lang, "scenarios.toml"), "rb") as f:
        scenarios = tomllib.load(f).get("scenario", [])
    by_id = {q["id"]: q for q in questions}
    view = by_id[scenarios[0]["question"]] if scenarios else None
    phash = pack_hash(a.pack)
    day = "2025-11-24"

    sessions, answers = [], []
    multi = next((q for q in questions if q["type"] == "multi"), None)
    for n in range(a.visits):
        sid = secrets.token_hex(16)
        sessions.append([sid, day, "morning", "0", "0", lang, pack["id"], pack["version"], phash, "visitor", "0"])
        for q in questions:
            if q["type"] in ("single", "scale") and q is not view:
                opts = q["options"]
                answers.append([sid, q["id"], "", opts[n % len(opts)]["id"], question_hash(q)[:16]])
        if multi:
            k = 1 + n % multi.get("max_choices", 1)
            chosen = [o["id"] for o in multi["options"][:k]]
            answers.append([sid, multi["id"], "", ";".join(chosen), question_hash(multi)[:16]])
        if view:
            opts = view["options"]
            answers.append([sid, view["id"], "first", opts[n % len(opts)]["id"], question_hash(view)[:16]])
            answers.append([sid, view["id"], "second", opts[0]["id"], question_hash(view)[:16]])

    export_id = secrets.token_hex(8)
    folder = os.path.join(a.out, "datavoice-independent-" + day.replace("-", "") + "-" + export_id)
    os.makedirs(folder)
    files = [
        ("sessions.csv", csv_bytes(["session_id", "visit_date", "part_of_day", "date_uncertain", "boot", "language",
                                    "pack_id", "pack_version", "pack_hash", "mode", "flagged_repeat"], sessions),
         len(sessions)),
        ("answers.csv", csv_bytes(["session_id", "question_id", "phase", "value", "wording"], answers), len(answers)),
        ("summary.json", b'{"format_version": 1, "questions": []}\n', None),
    ]
    listed = []
    for name, data, rows in files:
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        entry = {"name": name, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        if rows is not None:
            entry["rows"] = rows
        listed.append(entry)

    key = nacl.signing.SigningKey(bytes.fromhex(a.seed) if a.seed else secrets.token_bytes(32))
    public = base64.b64encode(bytes(key.verify_key)).decode()
    manifest = {
        "format": "datavoice-bundle",
        "format_version": 1,
        "export_id": export_id,
        "site_label": a.site,
        "kiosk_key": public,
        "created_on": day,
        "scope": "new",
        "part_of_day": "kept",
        "privacy": {"min_group": 10, "rows_with_part_of_day": len(sessions), "rows_with_date": 0,
                    "rows_with_period": 0, "languages_blanked": 0, "answers_removed": 0},
        "sessions_from": day,
        "sessions_to": day,
        "counts": {"sessions": len(sessions), "answers": len(answers)},
        "packs": [{"id": pack["id"], "version": pack["version"], "hash": phash}],
        "encryption": None,
        "files": listed,
    }
    text = (json.dumps(manifest, indent=2) + "\n").encode()
    # The signature first, the manifest last: a bundle is complete only once its manifest is there.
    signature = base64.b64encode(key.sign(text).signature).decode()
    with open(os.path.join(folder, "manifest.sig"), "w") as f:
        f.write(signature + "\n")
    with open(os.path.join(folder, "manifest.json"), "wb") as f:
        f.write(text)
    print(folder)
    print(public)


if __name__ == "__main__":
    main()
