#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (npx playwright install cannot download a browser on
# an intranet machine). Install it when missing and we are allowed to; otherwise say what to do.
# A small CJK font (fonts-wqy-microhei, 1.6 MB) is added too when the machine has none, so the
# test screenshots show Chinese text instead of empty boxes (the app itself uses the system's
# fonts: Microsoft YaHei / PingFang / Noto CJK on analysts' machines).
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
can_apt() { [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; }
has_cjk_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list ':charset=4e2d' family 2>/dev/null)" ]; }

if [ -x "$CHROMIUM" ]; then
  if ! has_cjk_font && can_apt; then
    echo "No CJK font found: installing fonts-wqy-microhei for readable screenshots…" >&2
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-wqy-microhei) >&2 ||
      echo "(could not install fonts-wqy-microhei; screenshots will show boxes for Chinese text)" >&2
  fi
  exit 0
fi
if can_apt; then
  echo "Chromium not found at $CHROMIUM: installing Debian's chromium package (apt-get install -y chromium)…" >&2
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-microhei >&2
  [ -x "$CHROMIUM" ] && exit 0
fi
cat >&2 <<MSG
The browser tests need Chromium at $CHROMIUM and it is not there.
Install it with:    sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei
or point CHROMIUM_PATH at a Chromium/Chrome binary:    CHROMIUM_PATH=/path/to/chrome npm test
MSG
exit 1
