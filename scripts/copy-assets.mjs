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
