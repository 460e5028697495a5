#!/usr/bin/env bash
# CI's packaging step (called by .ci/run after make test; runnable by hand from a checkout):
#   1. build the sdist and, from it, the wheel (python -m build, in a tools environment of its own);
#   2. install the wheel into a fresh virtual environment outside the checkout and start it (packaging/smoke.sh);
#   3. add the packaging extra (PyInstaller) to that environment, build the one-folder program into dist/reviewer
#      with packaging/reviewer.spec, and start the built binary the same way.
# The one-folder build stays in dist/reviewer for the benchmark (make bench: onefolder_start).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
python=${PYTHON:-python3}
work=$(mktemp -d /tmp/reviewer-packaging.XXXXXX)
trap 'rm -rf "$work"' EXIT
quiet_pip() { "$@" --quiet --disable-pip-version-check 2>&1 | grep -v "^WARNING: Location" || true; }

echo "== wheel and sdist"
"$python" -m venv "$work/tools"
quiet_pip "$work/tools/bin/pip" install "build>=1.2"
"$work/tools/bin/python" -m build --outdir "$work/dist" "$root" > "$work/build.log" 2>&1 || {
    tail -n 40 "$work/build.log"
    exit 1
}
wheel=$(ls "$work"/dist/reviewer-*.whl)
ls -l "$work"/dist

echo "== the wheel in a fresh virtual environment"
"$python" -m venv "$work/venv"
quiet_pip "$work/venv/bin/pip" install "$wheel"
test -x "$work/venv/bin/reviewer"
installed=$(cd "$work" && "$work/venv/bin/python" -c "import reviewer; print(reviewer.__file__)")
[[ $installed == "$work/venv/"* ]] || { echo "reviewer was imported from $installed, not the install" >&2; exit 1; }
bash "$root/packaging/smoke.sh" "$work/venv/bin/reviewer" "$work/smoke-wheel"

echo "== the one-folder build"
quiet_pip "$work/venv/bin/pip" install "$wheel[packaging]"
rm -rf "$root/dist/reviewer"
(cd "$work" && "$work/venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$root/dist" \
    --workpath "$work/pyinstaller" "$root/packaging/reviewer.spec") > "$work/pyinstaller.log" 2>&1 || {
    tail -n 40 "$work/pyinstaller.log"
    exit 1
}
for file in LICENSE THIRD-PARTY-NOTICES.txt licenses/LGPL-3.0.txt licenses/GPL-3.0.txt; do
    test -s "$root/dist/reviewer/$file" || { echo "the one-folder build lacks $file" >&2; exit 1; }
done
echo "dist/reviewer: $(du -sh "$root/dist/reviewer" | cut -f1)"
bash "$root/packaging/smoke.sh" "$root/dist/reviewer/reviewer" "$work/smoke-onefolder"
echo "== packaging: ok"
