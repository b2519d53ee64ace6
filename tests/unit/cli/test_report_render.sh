#!/usr/bin/env bash
# The HTML report as a browser shows it: render it with headless Chromium and
# check the screenshot is not blank, by comparing its size with a screenshot
# of an empty page of the same size (a blank PNG compresses to almost nothing;
# text, tables and figures do not). Skipped (77) without Chromium.
set -u
bin=${DNN_TUTOR_BINARY:?}
chromium=""
for c in /usr/bin/chromium /usr/bin/chromium-browser "$(command -v chromium 2>/dev/null)"; do
  [ -n "$c" ] && [ -x "$c" ] && { chromium=$c; break; }
done
if [ -z "$chromium" ]; then
  echo "SKIP: Chromium is not installed"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

shoot() { # url png
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" --screenshot="$2" --window-size=1000,1400 "$1" \
    >/dev/null 2>&1
}

"$bin" report --iterations 2000 --format html --lang en -o "$tmp/report.html" >/dev/null || { echo "FAIL: report"; exit 1; }
printf '<!DOCTYPE html><html><body></body></html>\n' >"$tmp/blank.html"
shoot "file://$tmp/report.html" "$tmp/report.png"
shoot "file://$tmp/blank.html" "$tmp/blank.png"
[ -s "$tmp/report.png" ] || { echo "FAIL: Chromium wrote no screenshot of the report"; exit 1; }
[ -s "$tmp/blank.png" ] || { echo "FAIL: Chromium wrote no screenshot of the blank page"; exit 1; }
report_size=$(wc -c <"$tmp/report.png")
blank_size=$(wc -c <"$tmp/blank.png")
if [ "$report_size" -lt $((blank_size * 5)) ] || [ "$report_size" -lt 20000 ]; then
  echo "FAIL: the report's screenshot ($report_size bytes) looks blank (an empty page: $blank_size bytes)"
  exit 1
fi
echo "ok: report renders ($report_size bytes against $blank_size for an empty page)"
