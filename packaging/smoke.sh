#!/usr/bin/env bash
# Start an installed program as a user would, offscreen, on a fresh data folder, and check what it does:
#     packaging/smoke.sh REVIEWER_EXECUTABLE WORK_DIR
# --version; the window (--self-test: translator, icon, database, areas; the title must be Swedish); demo data;
# an aggregate; a PDF report, read back with pdftotext; the built-in training packs and lexicon. Runs from WORK_DIR, so nothing comes from a checkout.
set -euo pipefail
reviewer=$1
work=$2
mkdir -p "$work"
cd "$work"
export QT_QPA_PLATFORM=offscreen
unset LC_ALL LC_MESSAGES PYTHONPATH REVIEWER_DATA_DIR REVIEWER_DATABASE_URL
# A Swedish user's locale: the program's language comes from LANG (the locale itself need not be installed).
run() { LANG=sv_SE.UTF-8 "$reviewer" "$@"; }
data="$work/data"
rm -rf "$data"

fail() { echo "smoke test of $reviewer FAILED: $*" >&2; exit 1; }

version=$(run --version) || fail "--version"
echo "$version"
[[ $version == "reviewer "* ]] || fail "--version said: $version"

run --data-dir "$data" --self-test > self-test.txt 2> self-test.err || {
    cat self-test.txt self-test.err >&2
    fail "--self-test"
}
cat self-test.txt
grep -qx "title: Jämställdhetsgranskning" self-test.txt || fail "the window title is not Swedish"
grep -qx "areas: Granskningar | Checklistor | Utbildning | Sammanställning | Export och rapport" self-test.txt || fail "areas"
grep -q "^licences: EUPL-1.2, LGPL-3.0, GPL-3.0 and [1-9][0-9]* third-party notices$" self-test.txt || fail "licences"

run demo --data-dir "$data" --cases 40 --seed 1 || fail "demo"
round=$(run round list --data-dir "$data" | sed -n '/^Exempeldata: Missbruk/{s/  .*//;p}')
[[ -n $round ]] || fail "the demo's missbruk round is not listed"
run aggregate --data-dir "$data" --round "$round" --format json -o aggregate.json || fail "aggregate"
grep -q '"rounds"' aggregate.json || fail "aggregate.json has no rounds"

run plan --data-dir "$data" --checklist missbruk > plan.txt || fail "plan"
grep -q "^Akter som behövs per kön$" plan.txt || fail "the sample plan is not computed"
run agreement --data-dir "$data" --round "$round" --format json -o agreement.json || fail "agreement"

run training list --data-dir "$data" > packs.txt || fail "training list"
for pack in fardtjanst-ovning barnomsorg-ovning missbruk-ovning; do
    grep -q "^$pack .* inbyggt " packs.txt || fail "the built-in training pack $pack is not shipped"
done

# The built-in lexicon is package data: counting a sentence finds its words.
echo "Hon var orolig och ledsen." | run words --data-dir "$data" - > words.txt || fail "words"
grep -q "^Träffar: 2 " words.txt || fail "the built-in lexicon is not shipped"

run report --data-dir "$data" --round "$round" -o x.pdf || fail "report"
head -c 5 x.pdf | grep -q '%PDF-' || fail "x.pdf is not a PDF"
pdftotext x.pdf x.txt && grep -q "Rapport om könsuppdelade resultat" x.txt || fail "the report's text is not readable Swedish"
echo "smoke test of $reviewer: ok ($(stat -c %s x.pdf) bytes of PDF)"
