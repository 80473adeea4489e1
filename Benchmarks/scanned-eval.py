#!/usr/bin/env python3
"""Dev-set nDCG@10 of a corpus where one package is replaced by a scanned PDF of it.

    Benchmarks/scanned-eval.py --package ho21-referat-møte-2023-5.txt --scanned /tmp/scan/x-scanned.pdf \
        [--radsok .build/release/radsok] [--qrels Tests/EvaluationTests/Fixtures/qrels-dev.json]

The scanned PDF is made by Tests/Fixtures/PDF/make-pdfs.py (text-layer PDF rendered at 200 dpi,
turned, blurred, specked, image-only). The script copies Corpus/ to a temporary folder, puts the
PDF in place of the package, indexes it (Rådsøk OCRs the pages with Tesseract), and moves each
relevance judgment of the package onto the lines of the OCR'd text that hold the same words: the
words of the package and of the OCR text are aligned (difflib on case-folded words, so damaged
words simply fail to match), and a judged line range becomes the range of OCR lines its matched
words stand on. It prints `radsok eval --halves` for the original corpus and for the scanned one,
and how many judgments could be moved.
"""
import argparse
import difflib
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def words_by_line(text):
    """(word, 1-based line) for every word, case-folded."""
    out = []
    for number, line in enumerate(text.split("\n"), start=1):
        for word in re.findall(r"\w+", line.casefold()):
            out.append((word, number))
    return out


def line_map(source, ocr):
    """For each source line, the OCR lines its words were matched to."""
    a = words_by_line(source)
    b = words_by_line(ocr)
    matcher = difflib.SequenceMatcher(a=[w for w, _ in a], b=[w for w, _ in b], autojunk=False)
    mapped = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            mapped.setdefault(a[block.a + k][1], []).append(b[block.b + k][1])
    return mapped


def moved(judgment, mapping, pdf_name):
    first, last = judgment["lines"]
    lines = [m for n in range(first, last + 1) for m in mapping.get(n, [])]
    if not lines:
        return None
    # The middle of the matched lines, so that a stray match far away does not widen the range.
    lines.sort()
    cut = len(lines) // 10
    kept = lines[cut:len(lines) - cut] or lines
    return dict(judgment, file=pdf_name, lines=[kept[0], kept[-1]])


def run_eval(radsok, qrels, corpus):
    index = tempfile.mkdtemp(prefix="radsok-scanned-index-")
    result = subprocess.run([radsok, "eval", qrels, "--corpus", corpus, "--index", index, "--halves"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(result.stderr)
    return result.stdout, index


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--package", required=True, help="file name in Corpus/ to replace")
    parser.add_argument("--scanned", required=True, help="the scanned PDF of that package")
    parser.add_argument("--radsok", default=os.path.join(ROOT, ".build/release/radsok"))
    parser.add_argument("--qrels", default=os.path.join(ROOT, "Tests/EvaluationTests/Fixtures/qrels-dev.json"))
    args = parser.parse_args()

    corpus = tempfile.mkdtemp(prefix="radsok-scanned-corpus-")
    for name in os.listdir(os.path.join(ROOT, "Corpus")):
        if name != args.package:
            shutil.copy(os.path.join(ROOT, "Corpus", name), corpus)
    pdf_name = os.path.splitext(args.package)[0] + ".pdf"
    shutil.copy(args.scanned, os.path.join(corpus, pdf_name))
    index = tempfile.mkdtemp(prefix="radsok-scanned-build-")
    subprocess.run([args.radsok, "index", "--corpus", corpus, "--index", index], check=True)
    extracted = glob.glob(os.path.join(index, "extracted", "*.txt"))
    if len(extracted) != 1:
        sys.exit(f"expected one extracted text in {index}/extracted, found {len(extracted)}")
    ocr = open(extracted[0], encoding="utf-8").read()
    source = open(os.path.join(ROOT, "Corpus", args.package), encoding="utf-8").read()
    mapping = line_map(source, ocr)

    qrels = json.load(open(args.qrels, encoding="utf-8"))
    total = kept = 0
    for query in qrels["queries"]:
        judgments = []
        for judgment in query["judgments"]:
            if judgment["file"] != args.package:
                judgments.append(judgment)
                continue
            total += 1
            new = moved(judgment, mapping, pdf_name)
            if new:
                kept += 1
                judgments.append(new)
        query["judgments"] = judgments
    mapped_qrels = os.path.join(corpus, "..", os.path.basename(corpus) + "-qrels.json")
    json.dump(qrels, open(mapped_qrels, "w", encoding="utf-8"), ensure_ascii=False)

    original, _ = run_eval(args.radsok, args.qrels, os.path.join(ROOT, "Corpus"))
    scanned, _ = run_eval(args.radsok, mapped_qrels, corpus)
    print(f"judgments of {args.package}: {total}, moved onto the OCR text: {kept}")
    print("## original corpus\n" + original)
    print(f"## {args.package} replaced by its scanned PDF\n" + scanned)


if __name__ == "__main__":
    main()
