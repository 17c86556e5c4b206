#!/bin/sh
# Regenerates the golden output folders of cases.txt with the debug build, from the package
# root: each case's folder gets out/ (the files written) and stdout.txt (what it printed, the
# output folder's path as {out}). Run only when an output is meant to change, and say why in
# the commit.
set -eu
cd "$(dirname "$0")/../.."
swift build
while IFS= read -r line; do
    case "$line" in '#'*|'') continue ;; esac
    name=${line%%:*}
    arguments=${line#*: }
    folder=Tests/Golden/$name
    rm -rf "$folder"
    mkdir -p "$folder"
    out=$folder/out
    # shellcheck disable=SC2086
    .build/debug/studio-forecast $(printf '%s' "$arguments" | sed "s|{out}|$out|g") > "$folder/stdout.txt"
    sed -i "s|$out|{out}|g" "$folder/stdout.txt"
    # Workbooks carry their creation time; their tests read them back instead (Tests/Workbook).
    if [ -d "$out" ]; then find "$out" -name '*.xlsx' -delete; fi
done < Tests/Golden/cases.txt
