#!/usr/bin/env bash
# Checks the npm form of the package: packs it with `deno pack`, checks what
# the tarball holds, installs it into a throwaway project, type-checks
# consumer.ts and node_consumer.ts against its .d.ts files with the oldest
# TypeScript the README promises and with the latest, and runs publint and
# attw on it. Each step prints one line; the script exits non-zero if any
# step fails.
#
# The tools (TypeScript 5.2 and latest, @types/node, publint, attw) come from
# tools/npm/package-lock.json. The package is ESM-only, so attw runs with its
# `esm-only` profile: a `require()` of it from CommonJS is not a supported use.
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD
root=$(cd ../.. && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
pass() { echo "ok: $*"; }
fail() {
  echo "FAILED: $*"
  failed+=("$1")
}

npm ci --no-audit --no-fund --silent
bin=$here/node_modules/.bin

# No source maps: inline maps would double cursor.js and carry the build
# machine's file:/// paths.
if (cd "$root" && npx -y deno@2.9.6 pack --no-source-maps --allow-dirty \
  --output "$work/cursor.tgz") >"$work/pack.log" 2>&1; then
  pass "deno pack: tarball of $(wc -c <"$work/cursor.tgz") bytes"
else
  cat "$work/pack.log"
  fail "deno pack"
  exit 1
fi
tar -xzf "$work/cursor.tgz" -C "$work"

# deno pack 2.9.6 warns "Could not generate types" for every module outside
# the public type graph, even a fully typed one (a known deno pack bug). The
# private `_`-prefixed modules are such modules: accept that warning for them
# only, and only while no shipped .d.ts refers to one of them.
other=$(grep -Ei "warn|error|could not|failed" "$work/pack.log" |
  grep -Ev "Could not generate types for '[^']*/_[a-z_]+\.ts'" || true)
if [[ -n $other ]] || grep -El "from \"\./_[a-z_]+\.(js|ts)\"" "$work"/package/*.d.ts; then
  cat "$work/pack.log"
  fail "deno pack warnings"
else
  pass "deno pack: no warnings but those for private _ modules, which no .d.ts imports"
fi

if grep -rlE "sourceMappingURL|file:///" "$work/package"; then
  fail "tarball contents: source maps or file:/// paths"
else
  pass "tarball contents: no source maps, no file:/// paths;" \
    "cursor.js is $(wc -c <"$work/package/cursor.js") bytes"
fi

mkdir "$work/project"
cp consumer.ts node_consumer.ts tsconfig.*.json "$work/project"
echo '{ "private": true, "type": "module" }' >"$work/project/package.json"
(cd "$work/project" &&
  npm install --no-audit --no-fund --silent "$work/cursor.tgz")
# @types/node from tools/npm, found by `types: ["node"]`.
ln -s "$here/node_modules/@types" "$work/project/node_modules/@types"

# web: lib dom, no @types/node. node-dom: both. node: @types/node alone.
for typescript in typescript-5.2 typescript; do
  tsc=$here/node_modules/$typescript/bin/tsc
  version=$(node "$tsc" --version | cut -d' ' -f2)
  for config in web node-dom node; do
    if node "$tsc" -p "$work/project/tsconfig.$config.json"; then
      pass "typescript $version, tsconfig.$config.json: the consumers type-check"
    else
      fail "typescript $version, tsconfig.$config.json"
    fi
  done
done

if "$bin/publint" run --strict "$work/cursor.tgz"; then
  pass "publint: no errors, warnings or suggestions"
else
  fail "publint"
fi

if "$bin/attw" --profile esm-only --no-color "$work/cursor.tgz"; then
  pass "attw --profile esm-only: types resolve for ESM and bundlers"
else
  fail "attw"
fi

if ((${#failed[@]} > 0)); then
  echo "npm form checks FAILED: ${failed[*]}"
  exit 1
fi
echo "npm form checks passed"
