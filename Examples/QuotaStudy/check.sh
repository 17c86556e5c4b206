#!/bin/sh
# Runs the example and `studio-forecast compare` on the same scenarios, seed and replications,
# and checks that the example printed exactly the five-year paired difference and MCSE that
# compare writes in comparison.csv. Run from anywhere, after both are built (`make example`).
set -eu
replications=${1:-2000}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$root/Examples/QuotaStudy/.build/debug/QuotaStudy" \
    "$root/scenarios/nanchang-baseline.yaml" 10 "$replications" >"$out/example.txt"
"$root/.build/debug/studio-forecast" compare \
    "$root/scenarios/nanchang-baseline.yaml" "$root/scenarios/larger-quota.yaml" \
    --replications "$replications" --out "$out/compare" --quiet >/dev/null

# The example's last line: METRIC YEAR mean VALUE mcse VALUE.
set -- $(tail -n 1 "$out/example.txt")
metric=$1 year=$2 mean=$4 mcse=$6
value() {
    awk -F, -v y="$year" -v m="$metric" -v s="$1" '$1 == y && $2 == m && $3 == s { print $4 }' \
        "$out/compare/comparison.csv"
}
expected_mean=$(value mean)
expected_mcse=$(value mcse)
if [ -z "$expected_mean" ] || [ "$mean" != "$expected_mean" ] || [ "$mcse" != "$expected_mcse" ]; then
    cat "$out/example.txt"
    echo "QuotaStudy printed $metric $year mean $mean mcse $mcse;" \
        "compare wrote mean ${expected_mean:-nothing} mcse ${expected_mcse:-nothing}" >&2
    exit 1
fi
cat "$out/example.txt"
echo "QuotaStudy agrees with studio-forecast compare: $metric $year mean $mean ± $mcse (MCSE)"

# The README's "Use it as a library" code must be the example's Tour.swift, line for line.
readme_code=$(awk '/^## Use it as a library/ { section = 1 } section && /^```swift$/ { n++ } section && n == 2 && !/^```/ { print } section && n == 2 && /^```$/ { exit }' "$root/README.md" | sed 's/^ *//' | grep -v '^$')
tour_code=$(sed 's/^ *//' "$root/Examples/QuotaStudy/Sources/QuotaStudy/Tour.swift")
echo "$readme_code" | while IFS= read -r line; do
    if ! printf '%s\n' "$tour_code" | grep -qxF "$line"; then
        echo "README.md: \"Use it as a library\": this line is not in Examples/QuotaStudy/Sources/QuotaStudy/Tour.swift: $line" >&2
        exit 1
    fi
done
[ -n "$readme_code" ] || { echo "README.md: no \"Use it as a library\" code found" >&2; exit 1; }
echo "README's library code matches Examples/QuotaStudy/Sources/QuotaStudy/Tour.swift"
