#!/usr/bin/env bash
# Cross-runtime run: the same *_test.ts files that `deno task test` runs on
# the sources, run on Node, Bun and headless Chromium against the package as
# users install it: `deno pack` builds the npm tarball, which is installed in
# a throwaway project; build.mjs bundles the test files with the package left
# an import of that install. (The TypeScript view of the tarball is
# tools/npm/check.sh's job.)
#
# Each runtime ends with `<runtime>: N passed, N failed, N skipped`; exits
# non-zero if any runtime fails or does not run.
#
# Usage: tools/xrt/run.sh [deno] [node] [bun] [browser]
# (default: all but deno, which is `deno task test`; named, it runs that).
# IOCURSOR_FC_RUNS sets the fast-check sequences per property on each
# runtime (default 1000, as on Deno: about a minute for all three here).
# CHROMIUM names the browser binary (default /usr/bin/chromium, installed
# from Debian when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
runtimes=" ${*:-node bun browser} "
wants() { [[ $runtimes == *" $1 "* ]]; }
export IOCURSOR_FC_RUNS=${IOCURSOR_FC_RUNS:-1000}
xrt=$root/tools/xrt
bin=$xrt/deps/node_modules/.bin

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()

if wants deno; then
  echo "== deno (sources)"
  npx -y deno@2.9.6 task test || failed+=(deno)
fi

echo "== pack and bundle"
npx -y deno@2.9.6 pack --quiet --allow-dirty --no-source-maps --output "$work/cursor.tgz"
echo '{ "private": true, "type": "module" }' >"$work/package.json"
(cd "$work" && npm install --silent --no-audit --no-fund ./cursor.tgz)
(cd tools/xrt/deps && npm ci --silent --no-audit --no-fund)
node tools/xrt/build.mjs "$work"

# Every runtime's output is also kept, to check below that each one counted
# the same cases: a case can be skipped, never dropped.
keep() { tee -a "$work/all.log"; }

if wants node; then
  echo "== node $(node --version) (packed package, node:test)"
  (cd "$work" && XRT_BUNDLE=node_test.js node --enable-source-maps --test \
    --test-reporter="$xrt/summary.mjs" "$xrt/node.mjs") | keep || failed+=(node)
fi

if wants bun; then
  echo "== bun $("$bin/bun" --version) (packed package, bun test)"
  # bun test prints its own totals; this turns them into the runtime line.
  if (cd "$work" && XRT_BUNDLE=node_test.js "$bin/bun" test --dots \
    "$xrt/bun.mjs" 2>&1) | tee "$work/bun.log"; then status=0; else status=1; fi
  count() { awk -v word="$1" '$2 == word { n = $1 } END { print n + 0 }' "$work/bun.log"; }
  echo "bun: $(count pass) passed, $(count fail) failed, $(count skip) skipped" | keep
  ((status == 0 && $(count pass) > 0)) || failed+=(bun)
fi

if wants browser; then
  chromium=${CHROMIUM:-/usr/bin/chromium}
  if [[ ! -x $chromium && $chromium == /usr/bin/chromium ]]; then
    echo "== installing chromium from Debian"
    sudo=$( ((EUID == 0)) || echo sudo)
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends chromium >/dev/null
  fi
  echo "== $("$chromium" --version 2>/dev/null | head -1) (packed package, bundled)"
  CHROMIUM=$chromium node tools/xrt/browser.mjs "$work/browser_test.js" | keep ||
    failed+=(browser)
fi

runtime_line='^[a-z]+: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$'
if grep -Eq "$runtime_line" "$work/all.log" 2>/dev/null &&
  ! grep -E "$runtime_line" "$work/all.log" | tr -d , |
  awk '{ total[$2 + $4 + $6] = 1 } END { n = 0; for (t in total) n++; exit n != 1 }'; then
  echo "runtimes counted different numbers of cases:"
  grep -E "$runtime_line" "$work/all.log"
  failed+=(counts)
fi

if ((${#failed[@]} > 0)); then
  echo "cross-runtime run FAILED on: ${failed[*]}"
  exit 1
fi
echo "cross-runtime run passed on:$runtimes"
