/**
 * How often the fast lexer gives exactly the tree-sitter walk's token stream, over real code.
 *
 *   node --import tsx scripts/lexer-parity.ts <dir|file…> [--max 20000] [--show 5]
 *
 * Reads every `.py` file and every notebook code cell (IPython magics blanked, as fingerprinting
 * does) under the paths given, and counts per text: the lexer answered with the same hashes and
 * lines, the same hashes with other lines, different hashes, or declined (the parser decides).
 * Different hashes are the figure to keep at zero: they would change fingerprints silently.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { blankIpython } from '../src/collectors/python/magics.js';
import { pythonParser } from '../src/collectors/python/parser.js';
import { lexOrReason } from '../src/herd/similarity/lex.js';
import { hashString, parseBounded, type TokenStream, tokenise } from '../src/herd/similarity/tokenise.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const MAX = option('max', 20_000);
const SHOW = option('show', 5);

function* texts(path: string): Generator<{ where: string; text: string }> {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    let names: string[] = [];
    try {
      names = readdirSync(path).sort();
    } catch {
      return;
    }
    for (const name of names) if (name !== '.git' && name !== 'node_modules') yield* texts(join(path, name));
    return;
  }
  if (stat.size > 1_000_000) return;
  if (path.endsWith('.py')) yield { where: path, text: readFileSync(path, 'utf8') };
  else if (path.endsWith('.ipynb')) {
    try {
      const nb = JSON.parse(readFileSync(path, 'utf8')) as {
        cells?: { cell_type: string; source: string | string[] }[];
      };
      (nb.cells ?? []).forEach((cell, i) => {
        if (cell.cell_type !== 'code') return;
        const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
        if (source.trim() !== '')
          texts.cells.push({ where: `${path} cell ${i + 1}`, text: blankIpython(source) });
      });
    } catch {
      // not a notebook we can read; the audit reports those
    }
    yield* texts.cells.splice(0);
  }
}
texts.cells = [] as { where: string; text: string }[];

const parser = await pythonParser();
const names = new Map<number, string>();
for (const type of parser.language!.types) if (type) names.set(hashString(type), type);
for (const extra of ['<id>', '<str>', '<num>', '{', '}']) names.set(hashString(extra), extra);
const show = (ts: TokenStream, from: number) =>
  ts.hashes
    .slice(Math.max(0, from - 4), from + 6)
    .map((hash, i) => `${names.get(hash) ?? `#${hash.toString(16)}`}@${ts.lines[Math.max(0, from - 4) + i]}`)
    .join(' ');

const counts = { same: 0, linesDiffer: 0, hashesDiffer: 0, declined: 0, parserGaveUp: 0 };
let shown = 0;
let shownDeclined = 0;
const declinedBecause = new Map<string, number>();
let seen = 0;
let lexMs = 0;
for (const path of args) {
  for (const { where, text } of texts(path)) {
    if (seen++ >= MAX) break;
    const tree = parseBounded(parser, text);
    if (!tree) {
      counts.parserGaveUp++;
      continue;
    }
    const expected = tokenise(tree, text);
    tree.delete();
    const t0 = performance.now();
    const got = lexOrReason(text);
    lexMs += performance.now() - t0;
    if (typeof got === 'string') {
      counts.declined++;
      declinedBecause.set(got, (declinedBecause.get(got) ?? 0) + 1);
      if (got === 'an unexpected indent' && shownDeclined++ < SHOW)
        process.stdout.write(`declined: ${where}: ${got}\n`);
      continue;
    }
    let firstHash = -1;
    let firstLine = -1;
    const n = Math.max(got.length, expected.length);
    for (let i = 0; i < n; i++) {
      if (got.hashes[i] !== expected.hashes[i]) {
        firstHash = i;
        break;
      }
      if (firstLine < 0 && (got.lines[i] !== expected.lines[i] || got.endLines[i] !== expected.endLines[i]))
        firstLine = i;
    }
    if (firstHash >= 0) {
      counts.hashesDiffer++;
      if (shown++ < SHOW) {
        process.stdout.write(
          `\n✗ ${where} (token ${firstHash})\n  lexer:  ${show(got, firstHash)}\n  parser: ${show(expected, firstHash)}\n`,
        );
      }
    } else if (firstLine >= 0) counts.linesDiffer++;
    else counts.same++;
  }
}
const total = Object.values(counts).reduce((a, b) => a + b, 0);
const pct = (x: number) => `${((100 * x) / Math.max(1, total)).toFixed(2)}%`;
process.stdout.write(
  `\n${total} texts: same ${counts.same} (${pct(counts.same)}), same hashes with other lines ${counts.linesDiffer} (${pct(counts.linesDiffer)}), different hashes ${counts.hashesDiffer} (${pct(counts.hashesDiffer)}), declined ${counts.declined} (${pct(counts.declined)}), parser gave up ${counts.parserGaveUp}; lexer ${lexMs.toFixed(0)} ms\n`,
);
for (const [why, n] of [...declinedBecause].sort((a, b) => b[1] - a[1]))
  process.stdout.write(`  declined, ${why}: ${n}\n`);
