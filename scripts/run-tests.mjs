#!/usr/bin/env node
// Node 20's --test does not expand globs: find the test files and hand them over.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = [...find('src'), ...find('test')].sort();
if (filter.length > 0) files = files.filter((f) => filter.some((part) => f.includes(part)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Audits record their history by default: tests record into a folder of their own, never the user's.
const dataHome = mkdtempSync(join(tmpdir(), 'unherd-test-data-'));
const env = { ...process.env, XDG_DATA_HOME: dataHome };
delete env.UNHERD_DB;
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env,
});
rmSync(dataHome, { recursive: true, force: true });
process.exit(result.status ?? 1);
