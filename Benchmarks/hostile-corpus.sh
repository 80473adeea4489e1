#!/usr/bin/env bash
# The full hostile corpus: everything `HostileCorpusTests` puts in its reduced one, plus a 10 MB
# single line and a 200 MB file (made from `radsok-bench generate`). Indexes it with the release
# build under /usr/bin/time, checks that every path is indexed or skipped with its reason and that
# the decoded files' words are found, and prints the peak memory.
#
#   Benchmarks/hostile-corpus.sh [WORK_DIR]      (default /tmp/radsok-hostile; needs ~700 MB)
#
# As root the index command runs as `nobody`, for whom chmod 000 makes a file unreadable.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/radsok-hostile}
if [ -d "$work" ]; then chmod -R u+rwx "$work" && rm -rf "$work"; fi
mkdir -p "$work/corpus" "$work/index"
for product in radsok radsok-bench; do
  swift build -c release --product "$product" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done
radsok=$PWD/.build/release/radsok
bench=$PWD/.build/release/radsok-bench
chmod 777 "$work/index"
c=$work/corpus
utf16() { # text, iconv encoding
  printf '%s' "$1" | iconv -f UTF-8 -t "$2"
}

printf 'Sak 1/1/2025 Helsedata\n\nRådet drøftet helsedata.\n' >"$c/vanlig.txt"
printf 'Sak 2/1/2025 Syltetøy\n\nRådet drøftet blåbærsyltetøy \xff\n' >"$c/ugyldig-utf8.txt"
{ printf '\xff\xfe'; utf16 $'Sak 3/1/2025 Middag\r\n\r\nRådet vedtok kjøttkakemiddag.\r\n' UTF-16LE; } >"$c/utf16le.txt"
{ printf '\xfe\xff'; utf16 $'Sak 4/1/2025 Grøt\n\nRådet vedtok rømmegrøt.\n' UTF-16BE; } >"$c/utf16be.txt"
utf16 $'Sak 5/1/2025 Fårikål\n\nRådet vedtok fårikålfest.\n' UTF-16LE >"$c/utf16-uten-merke.txt"
printf 'Høringssvar om lønnsoppgjøret\n' | iconv -f UTF-8 -t WINDOWS-1252 >"$c/windows-1252.txt"
printf 'Sak 6/1/2025 Bær\n\nRådet plukket\0tyttebær i skogen.\n' >"$c/nul.txt"
{ head -c 10485760 < <(yes ord) | tr '\n' ' '; printf 'langlinjeslutt\n'; } >"$c/lang-linje.txt"
"$bench" generate --size 200MB --out "$work/generated" >/dev/null
cat "$work"/generated/*.txt >"$c/stor.txt"
rm -rf "$work/generated"
printf '!?.,;:-–«»()[]{}…%.0s' {1..200} >"$c/tegn.txt"
: >"$c/tom.txt"
printf ' \n\t\n' >"$c/blank.md"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$c/binær.txt"
{
  printf '<html><head><style>p { color: red }</style><script>var skriptord = 1 < 2;</script></head>\n'
  printf '<body><p>Rådet møttes om nettsideordet</p></body></html>\n'
} >"$c/side.html"
printf 'Rådet drøftet emojimøtet.\n' >"$c/blåbær møte 🙂.txt"
printf 'Rådet drøftet linjeskiftnavnet.\n' >"$c/linje
skift.txt"
deep=$c
for i in $(seq 0 199); do deep=$deep/d$i; done
mkdir -p "$deep" && printf 'Rådet drøftet dypmappeordet.\n' >"$deep/dypt.txt"
printf 'Rådet drøftet hemmeligulesbar.\n' >"$c/ulesbar.txt" && chmod 000 "$c/ulesbar.txt"
mkdir "$c/låst" && printf 'Rådet drøftet hemmeliglåst.\n' >"$c/låst/inni.txt" && chmod 000 "$c/låst"
printf 'Rådet drøftet hemmeligutenfor.\n' >"$work/utenfor.txt"
ln -s ../utenfor.txt "$c/utenfor.txt"
ln -s løkke2.txt "$c/løkke1.txt" && ln -s løkke1.txt "$c/løkke2.txt"
ln -s . "$c/opp"
mkfifo "$c/rør.txt"

run=()
[ "$(id -u)" = 0 ] && run=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
failures=0
check() { # description, command...
  if "${@:2}"; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}

# A skipped file changed within a second of a build's start may be newer than the index, and
# makes the next search rebuild it; let the corpus settle first.
sleep 2
/usr/bin/time -v -o "$work/time.txt" "${run[@]}" "$radsok" index --corpus "$c" --index "$work/index" \
  >"$work/index.out" 2>"$work/index.err"
cat "$work/index.out" "$work/index.err"
summary=$(grep 'skipped ' "$work/index.err" || true)
for expected in 'binær.txt (binary)' 'blank.md (empty)' 'tom.txt (empty)' 'løkke1.txt (symbolic link loop)' \
  'utenfor.txt (symbolic link out of the corpus (not followed))' 'rør.txt (FIFO, not a regular file)' \
  'ulesbar.txt (cannot read: Permission denied)' 'låst (cannot open folder: Permission denied)' \
  'opp (symbolic link to the folder .'; do
  check "skipped: $expected" grep -qF "$expected" <<<"$summary"
done
check "indexed 14 files" grep -q 'indexed 14 files' "$work/index.out"

search() { "${run[@]}" "$radsok" search "$1" --json --corpus "$c" --index "$work/index"; }
for pair in blåbærsyltetøy:ugyldig-utf8.txt kjøttkakemiddag:utf16le.txt rømmegrøt:utf16be.txt \
  fårikålfest:utf16-uten-merke.txt lønnsoppgjøret:windows-1252.txt tyttebær:nul.txt \
  langlinjeslutt:lang-linje.txt nettsideordet:side.html emojimøtet:'blåbær møte 🙂.txt' \
  linjeskiftnavnet:'linje\nskift.txt' dypmappeordet:dypt.txt helsedata:stor.txt; do
  check "search ${pair%%:*} finds ${pair#*:}" grep -qF "${pair#*:}" <<<"$(search "${pair%%:*}")"
done
# Words only in what must not be read (the 200 MB file may match them in part, as compounds).
for pair in skriptord:side.html hemmeligutenfor:utenfor.txt hemmeligulesbar:ulesbar.txt hemmeliglåst:inni.txt; do
  check "search ${pair%%:*} does not find ${pair#*:}" bash -c '! grep -qF "$1" <<<"$2"' _ "${pair#*:}" "$(search "${pair%%:*}")"
done
check "no raw NUL in JSON" test -z "$(search tyttebær | grep -F '\u0000')"

grep -E 'Maximum resident set size|Elapsed \(wall clock\)' "$work/time.txt"
chmod -R u+rwx "$c/låst"
echo "$failures failed"
[ "$failures" = 0 ]
