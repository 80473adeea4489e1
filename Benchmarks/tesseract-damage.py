#!/usr/bin/python3
"""What Tesseract does to a scanned Norwegian council paper, and how much of it Rådsøk repairs.

Run from the repository root with the Debian Python (ReportLab and PIL) after
`swift build -c release --product radsok`:

    /usr/bin/python3 Benchmarks/tesseract-damage.py ocr   [--dpi 200 300] [--packages NAME ...]
    /usr/bin/python3 Benchmarks/tesseract-damage.py train [--dpi 200] [--lines 300]
    /usr/bin/python3 Benchmarks/tesseract-damage.py score [--dpi 200] [--radsok .build/release/radsok] [--label before]

`ocr`   makes a text-layer PDF and a scanned image-only PDF of each corpus package with
        Tests/Fixtures/PDF/make-pdfs.py (scanned at DPI), renders each page of the scan at the same
        DPI with `pdftoppm -gray` and reads it with `tesseract page.png stdout -l nor` (OMP_THREAD_LIMIT=1,
        one page at a time, under nice), timing each page. Page texts are kept in
        Benchmarks/out/tesseract/ and not read again on a second run (--force reads them again).
        Then it aligns the OCR words with the source words (difflib on the case-folded word
        sequences) and counts the damaged words and the kinds of damage.
`train` does the same for text that is NOT the corpus: sentences of random words from the bokmål
        word list /usr/share/dict/bokmaal (fixed seed, a third of the words with æ, ø or å), and
        prints each character confusion with P(OCR form | original), the share of the original's
        occurrences it took. The repair model's Tesseract rules come from this, not from the corpus.
`score`  feeds the damaged words of the `ocr` run (the OCR form of a source word that is a word of
        letters) to `radsok normalize --damaged` and the source words to `radsok normalize`, and
        counts how many give the same index term (the repaired share). It also counts false
        corrections: clean words (the corpus's words with æøå-bearing text and 4,000 random
        bokmål words) whose term under --damaged differs from their clean term, and pairs of
        different clean terms that --damaged makes one.

Words: text split at white space, punctuation stripped from both ends (the OCR stand-ins & @ |
are kept). Results go to stdout as markdown, and to Benchmarks/out/tesseract/*.json.
"""
import argparse
import collections
import difflib
import json
import os
import random
import re
import subprocess
import sys
import time
import unicodedata

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.join(REPO, "Tests", "Fixtures", "PDF"))
import importlib.util

_spec = importlib.util.spec_from_file_location("make_pdfs", os.path.join(REPO, "Tests", "Fixtures", "PDF", "make-pdfs.py"))
make_pdfs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_pdfs)

OUT = os.path.join(REPO, "Benchmarks", "out", "tesseract")
CORPUS = os.path.join(REPO, "Corpus")
STRIP = ".,;:!?()[]{}«»\"'*“”’‘•▪–—…/\\<>=+~^`´¨_#$%§"


def words(text):
    out = []
    for raw in text.split():
        w = raw.strip(STRIP)
        if w and any(c.isalnum() or c in "&@|" for c in w):
            out.append(w)
    return out


# ---------------------------------------------------------------------------------------------
# OCR


def ocr_pdf(scanned, dpi, cache_dir, force=False):
    """OCR text of each page, and the seconds tesseract took for each."""
    os.makedirs(cache_dir, exist_ok=True)
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", scanned], capture_output=True, text=True).stdout).group(1))
    texts, seconds = [], []
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    for n in range(1, pages + 1):
        txt = os.path.join(cache_dir, f"page-{n:03d}.txt")
        tim = os.path.join(cache_dir, f"page-{n:03d}.seconds")
        if not force and os.path.exists(txt) and os.path.exists(tim):
            texts.append(open(txt, encoding="utf-8").read())
            seconds.append(float(open(tim).read()))
            continue
        root = os.path.join(cache_dir, "render")
        subprocess.run(["nice", "pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(n), "-l", str(n), scanned, root],
                       check=True, capture_output=True)
        start = time.monotonic()
        out = subprocess.run(["nice", "tesseract", root + ".png", "stdout", "-l", "nor"], check=True, capture_output=True, env=env).stdout
        took = time.monotonic() - start
        text = out.decode("utf-8")
        open(txt, "w", encoding="utf-8").write(text)
        open(tim, "w").write(f"{took:.3f}\n")
        texts.append(text)
        seconds.append(took)
        print(f"  {os.path.basename(cache_dir)} page {n}/{pages}: {took:.1f} s", file=sys.stderr)
    return texts, seconds


# ---------------------------------------------------------------------------------------------
# Alignment and kinds of damage


def align(src, ocr):
    """(kind, source words, OCR words) for every stretch that is not equal, and the equal count."""
    a = [w.casefold() for w in src]
    b = [w.casefold() for w in ocr]
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    equal, stretches = 0, []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            equal += i2 - i1
            continue
        s, o = src[i1:i2], ocr[j1:j2]
        if op == "delete":
            stretches.append(("lost", s, o))
        elif op == "insert":
            stretches.append(("extra", s, o))
        elif len(s) == len(o):
            for x, y in zip(s, o):
                stretches.append(("word", [x], [y]))
        elif "".join(s).casefold() == "".join(o).casefold():
            stretches.append(("join" if len(o) < len(s) else "split", s, o))
        elif "".join(s).casefold().replace("-", "") == "".join(o).casefold().replace("-", ""):
            stretches.append(("hyphen join" if len(o) < len(s) else "hyphen split", s, o))
        else:
            # Pair the words of an uneven stretch by letters in common; the rest are lost or extra.
            inner = difflib.SequenceMatcher(None, s, o, autojunk=False)
            paired = _pair_uneven(s, o)
            for x, y in paired:
                if x is None:
                    stretches.append(("extra", [], [y]))
                elif y is None:
                    stretches.append(("lost", [x], []))
                else:
                    stretches.append(("word", [x], [y]))
    return equal, stretches


def _pair_uneven(s, o):
    """Pairs of (source word, OCR word) in order, each by the best letter similarity, greedily."""
    pairs, j = [], 0
    for i, x in enumerate(s):
        best, best_r = None, 0.5
        for k in range(j, min(len(o), j + 3)):
            r = difflib.SequenceMatcher(None, x.casefold(), o[k].casefold()).ratio()
            if r > best_r:
                best, best_r = k, r
        if best is None:
            pairs.append((x, None))
        else:
            for k in range(j, best):
                pairs.append((None, o[k]))
            pairs.append((x, o[best]))
            j = best + 1
    for k in range(j, len(o)):
        pairs.append((None, o[k]))
    return pairs


def char_confusions(x, y):
    """Character confusions turning source word x into OCR word y (case-folded): (original, OCR)
    pairs; an insertion or deletion carries its left neighbour so that it says where it happened."""
    x, y = x.casefold(), y.casefold()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        orig, got = x[i1:i2], y[j1:j2]
        if not orig or not got:
            left = x[i1 - 1] if i1 > 0 else "^"
            orig, got = left + orig, (left if left != "^" else "") + got
            if left == "^":
                orig = orig[1:]
        out.append((orig, got))
    return out


def kind_of(orig, got):
    if unicodedata.normalize("NFD", orig)[0:1] == got[0:1] and len(orig) == 1 and len(got) == 1 and orig != got and orig not in "æøå":
        return "lost diacritic"
    named = {
        ("æ", "ae"): "æ→ae", ("æ", "a"): "æ→a", ("æ", "&"): "æ→&", ("æ", "e"): "æ→e", ("æ", "ee"): "æ→ee",
        ("ø", "o"): "ø→o", ("ø", "g"): "ø→g", ("ø", "@"): "ø→@", ("ø", "0"): "ø→0", ("ø", "6"): "ø→6", ("ø", "a"): "ø→a",
        ("å", "a"): "å→a", ("å", "&"): "å→&", ("å", "d"): "å→d", ("å", "ä"): "å→ä", ("å", "á"): "å→á", ("å", "à"): "å→à",
        ("m", "rn"): "m→rn", ("rn", "m"): "rn→m", ("l", "1"): "l→1", ("1", "l"): "1→l", ("l", "i"): "l→I/i",
        ("i", "l"): "i→l", ("o", "0"): "o→0", ("0", "o"): "0→o",
    }
    if (orig, got) in named:
        return named[(orig, got)]
    if any(c in "æøå" for c in orig):
        return "other æøå"
    if all(not c.isalnum() for c in orig + got):
        return "punctuation"
    if any(c.isdigit() for c in orig + got):
        return "digit"
    return "other letters"


def summarize(src_words, ocr_words):
    equal, stretches = align(src_words, ocr_words)
    kinds = collections.Counter()
    confusions = collections.Counter()
    pairs = []
    damaged = 0
    for kind, s, o in stretches:
        if kind == "extra":
            kinds["extra OCR words"] += len(o)
            continue
        damaged += len(s)
        if kind != "word":
            kinds[kind] += len(s)
            continue
        x, y = s[0], o[0]
        if x.casefold() == y.casefold():
            continue
        pairs.append((x, y))
        for orig, got in char_confusions(x, y):
            confusions[(orig, got)] += 1
            kinds[kind_of(orig, got)] += 1
    return dict(words=len(src_words), ocr_words=len(ocr_words), equal=equal, damaged=damaged,
                kinds=kinds, confusions=confusions, pairs=pairs)


# ---------------------------------------------------------------------------------------------
# Sources


def package_names():
    return sorted(os.path.splitext(f)[0] for f in os.listdir(CORPUS) if f.endswith(".txt"))


def source_lines(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def training_lines(count, seed=7):
    """Sentences of random bokmål words, about 85 characters a line: not the corpus."""
    rng = random.Random(seed)
    by_length = collections.defaultdict(lambda: ([], []))
    for w in open("/usr/share/dict/bokmaal", encoding="latin-1"):
        w = w.strip()
        if not w.isalpha() or not (1 <= len(w) <= 14):
            continue
        by_length[len(w)][1 if any(c in "æøåÆØÅ" for c in w) else 0].append(w)
    # Word lengths roughly as in Norwegian prose: many short words, a tail of compounds.
    lengths = list(range(1, 15))
    weights = [3, 16, 15, 12, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
    lines, line = [], ""
    sentence_left = 0
    while len(lines) < count:
        length = rng.choices(lengths, weights)[0]
        plain, norwegian = by_length[length]
        pool = norwegian if norwegian and rng.random() < 0.35 else plain
        if not pool:
            continue
        w = rng.choice(pool)
        if sentence_left == 0:
            w = w[:1].upper() + w[1:]
            sentence_left = rng.randint(6, 16)
        elif rng.random() < 0.08:
            w = w[:1].upper() + w[1:]
        sentence_left -= 1
        if sentence_left == 0:
            w += "."
        elif rng.random() < 0.07:
            w += ","
        if len(line) + 1 + len(w) > 85:
            lines.append(line)
            line = w
            if rng.random() < 0.12:
                lines.append("")
        else:
            line = w if not line else line + " " + w
    return lines


# ---------------------------------------------------------------------------------------------
# Commands


def run_ocr(name, lines, dpi, force):
    d = os.path.join(OUT, f"{name}-{dpi}")
    os.makedirs(d, exist_ok=True)
    src_txt = os.path.join(d, "source.txt")
    open(src_txt, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    scanned = os.path.join(d, f"{name}-scanned.pdf")
    if force or not os.path.exists(scanned):
        make_pdfs.make(src_txt, d, name=name, dpi=dpi)
    texts, seconds = ocr_pdf(scanned, dpi, os.path.join(d, "ocr"), force)
    source = "\n".join(make_pdfs.clean_line(l) for l in lines)
    return source, "\n".join(texts), seconds


def table_kinds(kinds, total_words):
    out = ["| kind | count | per 1,000 source words |", "|---|---:|---:|"]
    for k, c in kinds.most_common():
        out.append(f"| {k} | {c} | {1000 * c / total_words:.2f} |")
    return "\n".join(out)


def cmd_ocr(a):
    results = {}
    rows = []
    all_kinds = collections.Counter()
    all_conf = collections.Counter()
    total_words = 0
    for dpi in a.dpi:
        for name in a.packages or package_names():
            source, ocr, seconds = run_ocr(name, source_lines(os.path.join(CORPUS, name + ".txt")), dpi, a.force)
            s = summarize(words(source), words(ocr))
            results[f"{name}@{dpi}"] = dict(seconds=seconds, words=s["words"], ocr_words=s["ocr_words"], damaged=s["damaged"],
                                            kinds=dict(s["kinds"]), pairs=s["pairs"],
                                            confusions=[[o, g, c] for (o, g), c in s["confusions"].most_common()])
            rows.append((name, dpi, len(seconds), sum(seconds) / len(seconds), max(seconds), s["words"], s["damaged"]))
            if dpi == a.dpi[0]:
                all_kinds.update(s["kinds"])
                all_conf.update(s["confusions"])
                total_words += s["words"]
    os.makedirs(OUT, exist_ok=True)
    json.dump(results, open(os.path.join(OUT, "ocr.json"), "w"), ensure_ascii=False, indent=1)
    print("| package | dpi | pages | OCR s/page (mean) | max | source words | damaged | damaged share |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, dpi, pages, mean, mx, w, d in rows:
        print(f"| {name} | {dpi} | {pages} | {mean:.2f} | {mx:.2f} | {w} | {d} | {100 * d / w:.2f}% |")
    print(f"\nKinds of damage at {a.dpi[0]} dpi, all packages:\n")
    print(table_kinds(all_kinds, total_words))
    print(f"\nCharacter confusions at {a.dpi[0]} dpi (original → OCR, case-folded), the 40 most frequent:\n")
    print("| original | OCR | count |\n|---|---|---:|")
    for (o, g), c in all_conf.most_common(40):
        print(f"| `{o}` | `{g}` | {c} |")


def cmd_train(a):
    lines = training_lines(a.lines)
    dpi = a.dpi[0]
    source, ocr, seconds = run_ocr(f"bokmaal-sentences-{a.lines}", lines, dpi, a.force)
    src_words = words(source)
    s = summarize(src_words, words(ocr))
    # How often each original string occurs in the source words, for P(OCR form | original).
    text = " ".join(w.casefold() for w in src_words)
    print(f"Training text: {len(lines)} lines, {s['words']} words, {len(seconds)} pages at {dpi} dpi, "
          f"{sum(seconds) / len(seconds):.2f} s/page; {s['damaged']} damaged words ({100 * s['damaged'] / s['words']:.2f}%).\n")
    print(table_kinds(s["kinds"], s["words"]))
    print("\n| original | OCR | count | occurrences of original | P(OCR \\| original) |\n|---|---|---:|---:|---:|")
    rows = []
    for (o, g), c in s["confusions"].most_common():
        n = text.count(o) if o else 0
        rows.append(dict(original=o, ocr=g, count=c, occurrences=n, p=c / n if n else None))
        print(f"| `{o}` | `{g}` | {c} | {n} | {c / n:.4f} |" if n else f"| `{o}` | `{g}` | {c} | – | – |")
    json.dump(dict(pairs=s["pairs"], confusions=rows), open(os.path.join(OUT, f"train-{a.lines}-{dpi}.json"), "w"), ensure_ascii=False, indent=1)
    print("\nDamaged word pairs (source → OCR), first 80:\n")
    for x, y in s["pairs"][:80]:
        print(f"- {x} → {y}")


def normalize(radsok, items, damaged):
    items = [w.replace("\n", " ") for w in items]
    cmd = ["nice", radsok, "normalize"] + (["--damaged"] if damaged else [])
    out = subprocess.run(cmd, input=("\n".join(items) + "\n").encode("utf-8"), capture_output=True, check=True, cwd=REPO).stdout
    terms = out.decode("utf-8").split("\n")
    return terms[:len(items)]


def cmd_score(a):
    dpi = a.dpi[0]
    results = json.load(open(os.path.join(OUT, "ocr.json")))
    pairs = []
    for key, r in results.items():
        if key.endswith(f"@{dpi}"):
            pairs += [(x, y, key.split("@")[0]) for x, y in r["pairs"] if x.isalpha()]
    src = [x for x, _, _ in pairs]
    ocr = [y for _, y, _ in pairs]
    t_src = normalize(a.radsok, src, False)
    t_dam = normalize(a.radsok, ocr, True)
    t_cln = normalize(a.radsok, ocr, False)
    ok_dam = sum(1 for s, d in zip(t_src, t_dam) if s == d)
    ok_cln = sum(1 for s, d in zip(t_src, t_cln) if s == d)
    norw = [i for i, x in enumerate(src) if any(c in "æøåÆØÅ" for c in x)]
    ok_norw = sum(1 for i in norw if t_src[i] == t_dam[i])
    # Clean words: distinct letter words of the clean packages, and random bokmål words.
    clean = set()
    for name in package_names():
        text = open(os.path.join(CORPUS, name + ".txt"), encoding="utf-8").read()
        w = [x for x in words(text) if x.isalpha()]
        if sum(any(c in "æøå" for c in x) for x in w) > 0.03 * len(w):
            clean.update(w)
    rng = random.Random(11)
    dictionary = [w.strip() for w in open("/usr/share/dict/bokmaal", encoding="latin-1") if w.strip().isalpha()]
    bokmaal = rng.sample(dictionary, 4000)
    falses = {}
    for label, ws in (("corpus words", sorted(clean)), ("bokmål words", bokmaal)):
        c_terms = normalize(a.radsok, ws, False)
        d_terms = normalize(a.radsok, ws, True)
        changed = [(w, c, d) for w, c, d in zip(ws, c_terms, d_terms) if c != d]
        groups = collections.defaultdict(set)
        for c, d in zip(c_terms, d_terms):
            groups[d].add(c)
        merged = sum(len(g) * (len(g) - 1) // 2 for g in groups.values())
        groups_c = collections.defaultdict(set)
        for w, c in zip(ws, c_terms):
            groups_c[c].add(w)
        falses[label] = dict(words=len(ws), changed=len(changed), merged_pairs=merged, examples=changed[:30])
    report = dict(label=a.label, dpi=dpi, damaged_pairs=len(pairs), repaired_damaged=ok_dam, repaired_clean_profile=ok_cln,
                  norwegian_pairs=len(norw), repaired_norwegian=ok_norw, false_corrections=falses,
                  unrepaired=[(x, y, s, d) for x, y, s, d in zip(src, ocr, t_src, t_dam) if s != d])
    json.dump(report, open(os.path.join(OUT, f"score-{a.label}-{dpi}.json"), "w"), ensure_ascii=False, indent=1)
    print(f"### {a.label} ({dpi} dpi)\n")
    print("| measure | value |\n|---|---:|")
    print(f"| damaged letter words (source word → OCR word, 1:1) | {len(pairs)} |")
    print(f"| same term as the source, `--damaged` | {ok_dam} ({100 * ok_dam / len(pairs):.1f}%) |")
    print(f"| same term as the source, clean profile | {ok_cln} ({100 * ok_cln / len(pairs):.1f}%) |")
    print(f"| of them with æøå in the source word | {len(norw)} |")
    print(f"| … same term, `--damaged` | {ok_norw} ({100 * ok_norw / max(1, len(norw)):.1f}%) |")
    for label, f in falses.items():
        print(f"| {label}: clean words whose `--damaged` term differs from the clean term | {f['changed']} of {f['words']} |")
        print(f"| {label}: pairs of different clean terms that `--damaged` makes one | {f['merged_pairs']} |")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("command", choices=["ocr", "train", "score"])
    p.add_argument("--dpi", type=int, nargs="+", default=[200])
    p.add_argument("--packages", nargs="*")
    p.add_argument("--lines", type=int, default=300, help="train: lines of generated text")
    p.add_argument("--force", action="store_true", help="make the PDFs and read them again")
    p.add_argument("--radsok", default=os.path.join(REPO, ".build", "release", "radsok"))
    p.add_argument("--label", default="current")
    a = p.parse_args()
    {"ocr": cmd_ocr, "train": cmd_train, "score": cmd_score}[a.command](a)


if __name__ == "__main__":
    main()
