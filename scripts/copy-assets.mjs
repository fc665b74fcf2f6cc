#!/usr/bin/env node
// tsc compiles code only; data files the code reads at run time (the herd catalogue) are copied beside it.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';

const assets = [
  ['src/herd/catalogue', 'dist/herd/catalogue'],
  ['src/match/vocabulary', 'dist/match/vocabulary'],
  ['src/idea/data', 'dist/idea/data'],
];
for (const [from, to] of assets) {
  mkdirSync(to, { recursive: true });
  cpSync(from, to, { recursive: true, filter: (src) => !src.endsWith('.ts') });
}

// The bundled catalogue, parsed and validated once here instead of at every start of the CLI.
const { compileBundledCatalogue, COMPILED_NAME } = await import('../dist/herd/catalogue.js');
writeFileSync(`dist/herd/catalogue/${COMPILED_NAME}`, compileBundledCatalogue('src/herd/catalogue'));

// Packages of many small modules, bundled into one file each (scripts/bundle-vendor.mjs); before
// the build id, which hashes what is run.
await import('./bundle-vendor.mjs');

// The build id: a hash of every built file, so stored results of another build are never served as
// this build's (src/version.ts). Deterministic: the same sources build the same id on every machine.
const { createHash } = await import('node:crypto');
const { readdirSync, readFileSync } = await import('node:fs');
const { join, relative } = await import('node:path');
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name !== 'build-id.txt') files.push(path);
  }
};
walk('dist');
const hash = createHash('sha256');
for (const path of files.sort())
  hash.update(relative('dist', path)).update('\0').update(readFileSync(path)).update('\0');
writeFileSync('dist/build-id.txt', `${hash.digest('hex').slice(0, 16)}\n`);
