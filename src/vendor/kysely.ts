/**
 * Kysely, as the store loads it. From source (tsx, tests) this is the package itself; `npm run
 * build` replaces the compiled file with the package bundled into one module (scripts/bundle-vendor.mjs),
 * because the package's ES modules are some 260 files, and resolving, reading and compiling them
 * took about 90 ms of every audit that records its run (docs/adr/0018-start-up.md). The store
 * imports Kysely's values only from here, so a process never holds two copies of it.
 */
export * from 'kysely';
