#!/usr/bin/env bash
# Is the workspace's rust-version (root Cargo.toml) true of Cargo.lock? Prints the locked
# packages that declare the highest rust-version (from `cargo metadata`, which lists every
# locked package of every target and kind: dev-dependencies count, since `./dev test`
# builds them) and fails when a workspace crate declares less than the highest.
#   scripts/msrv.sh
# What it cannot see: packages that declare no rust-version, and language or std features
# our own code uses (clippy's incompatible_msrv lint, in `./dev test`, checks std APIs
# against rust-version). It derives the minimum; it does not build with that toolchain.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

cargo metadata --format-version 1 --locked --manifest-path "$ROOT/Cargo.toml" | node -e '
let text = "";
process.stdin.on("data", (c) => (text += c)).on("end", () => {
  const { packages, workspace_members } = JSON.parse(text);
  const ours = new Set(workspace_members);
  const key = (v) => (v || "0").split(".").map(Number).concat([0, 0, 0]).slice(0, 3);
  const cmp = (a, b) => { const [x, y] = [key(a), key(b)]; for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i]; return 0; };
  const deps = packages.filter((p) => !ours.has(p.id) && p.rust_version).sort((a, b) => cmp(b.rust_version, a.rust_version));
  const need = deps[0]?.rust_version ?? "0";
  console.log(`the locked dependencies need Rust ${need} or newer; highest declared:`);
  for (const p of deps.slice(0, 6)) console.log(`  ${p.rust_version.padEnd(8)} ${p.name} ${p.version}`);
  let low = false;
  for (const p of packages.filter((p) => ours.has(p.id))) {
    if (cmp(p.rust_version, need) < 0) {
      console.error(`${p.name} declares rust-version ${p.rust_version ?? "(none)"}, below ${need}: raise [workspace.package] rust-version`);
      low = true;
    }
  }
  if (!low) console.log(`workspace rust-version: ${packages.find((p) => ours.has(p.id)).rust_version} (ok)`);
  process.exit(low ? 1 : 0);
});
'
