#!/usr/bin/env node
// Run by `npm run build` after tsc (from copy-assets.mjs). Kysely's ES modules are about 260
// files; loading them took ~90 ms of each `unherd audit` that records its run. Here the package
// is bundled into the one module the store imports it through (dist/vendor/kysely.js), which
// loads in ~13 ms. esbuild is a devDependency, pinned to the version tsx installs; without it (an
// install without devDependencies) the compiled re-export stays and the store loads the package as
// before, only slower.
// See docs/adr/0018-start-up.md.
import { existsSync, rmSync } from 'node:fs';

const out = 'dist/vendor/kysely.js';
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.error('bundle-vendor: esbuild not found; dist/vendor/kysely.js re-exports the kysely package');
}
if (esbuild && existsSync(out)) {
  rmSync(`${out}.map`, { force: true }); // tsc's map of the re-export it replaces
  await esbuild.build({
    stdin: { contents: "export * from 'kysely';\n", resolveDir: '.', sourcefile: 'kysely-entry.js' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: out,
    allowOverwrite: true,
    logLevel: 'warning',
    legalComments: 'inline',
    // Paths in the bundle's comments as a checkout has them, whatever node_modules links to.
    preserveSymlinks: true,
  });
}
