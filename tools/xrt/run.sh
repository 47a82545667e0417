#!/usr/bin/env bash
# Cross-runtime proof: builds the npm form with `deno pack`, installs it into a
# throwaway Node project and runs tools/xrt/suite on Deno (the sources), Node
# (`node --test`), Bun and headless Chromium (the bundled package). Each
# runtime prints `<runtime>: N passed, N failed`; exits non-zero if any
# runtime fails or does not run.
#
# It also type-checks tools/xrt/types/consumer.ts with `tsc` against the
# tarball's .d.ts files, as a TypeScript project on Node would.
#
# Usage: tools/xrt/run.sh [deno] [node] [types] [bun] [browser]   (default: all)
# CHROMIUM names the browser binary (default `chromium`, installed from apt
# when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
deno() { npx -y deno@2.9.6 "$@"; }
runtimes=" ${*:-deno node types bun browser} "
wants() { [[ $runtimes == *" $1 "* ]]; }
chromium=${CHROMIUM:-chromium}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()

echo "== pack"
deno pack --allow-dirty --output "$work/cursor.tgz"
mkdir "$work/node"
cp -R tools/xrt/suite "$work/node/suite"
echo '{ "private": true, "type": "module" }' >"$work/node/package.json"
(cd "$work/node" && npm install --no-audit --no-fund "$work/cursor.tgz")

if wants deno; then
  echo "== deno (sources)"
  deno run tools/xrt/suite/main.mjs || failed+=(deno)
fi

if wants node; then
  echo "== node (packed tarball, node --test)"
  (cd "$work/node/suite" &&
    node --test --test-reporter=./node_reporter.mjs node_runner.mjs) ||
    failed+=(node)
fi

tools=ok
if wants types || wants bun; then
  (cd tools/xrt/deps && npm ci --no-audit --no-fund) || tools=failed
fi
bin=$root/tools/xrt/deps/node_modules/.bin

if wants types; then
  echo "== types (packed .d.ts, tsc, no @types/node)"
  cp -R tools/xrt/types "$work/node/types"
  if [[ $tools == ok ]] && "$bin/tsc" -p "$work/node/types"; then
    echo "typescript $("$bin/tsc" --version | cut -d' ' -f2): consumer.ts type-checks"
  else
    failed+=(types)
  fi
fi

if wants bun; then
  echo "== bun (packed tarball)"
  if [[ $tools == ok ]]; then
    (cd "$work/node/suite" && "$bin/bun" main.mjs) || failed+=(bun)
  else
    failed+=("bun (install)")
  fi
fi

if wants browser; then
  echo "== browser (packed tarball, bundled, headless $chromium)"
  if ! command -v "$chromium" >/dev/null && [[ $chromium == chromium ]]; then
    sudo=$( ((EUID == 0)) || echo sudo)
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  fi
  echo 'export * from "@iocursor/cursor";' >"$work/node/entry.mjs"
  if (cd "$work/node" && deno bundle --quiet --platform=browser --format=esm \
    --output "$work/cursor.js" entry.mjs); then
    CHROMIUM=$chromium deno run --allow-net=127.0.0.1 --allow-read \
      --allow-write --allow-run --allow-env tools/xrt/browser.ts \
      "$work/cursor.js" tools/xrt/suite || failed+=(browser)
  else
    failed+=("browser (bundle)")
  fi
fi

if ((${#failed[@]} > 0)); then
  echo "cross-runtime suite FAILED on: ${failed[*]}"
  exit 1
fi
echo "cross-runtime suite passed on:$runtimes"
