// Bytes a citizen's phone downloads, per file of a build: raw, gzip -9 and brotli -11.
// Usage: node scripts/bytes.mjs <dist dir> [--json]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { brotli } from './measure.mjs';

const root = process.argv[2] || 'dist';
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(wasm|js|css|html|json|svg|webmanifest)$/.test(name)) files.push(path);
  }
})(root);
const rows = files.sort().map((path) => {
  const body = readFileSync(path);
  return {
    file: relative(root, path),
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotli(body),
  };
});
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows));
} else {
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'file'.padEnd(44)}${pad('raw', 10)}${pad('gzip-9', 10)}${pad('brotli-11', 11)}`);
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of rows) {
    console.log(`${r.file.padEnd(44)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 11)}`);
    for (const k of Object.keys(total)) total[k] += r[k];
  }
  console.log(`${'total'.padEnd(44)}${pad(total.raw, 10)}${pad(total.gzip, 10)}${pad(total.brotli, 11)}`);
}
