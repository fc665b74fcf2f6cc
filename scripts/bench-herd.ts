/**
 * Herd benchmark: copy detection against planted near-copies, compared with Dolos in the same run,
 * plus the index size and what stock-dataset detection adds to audit time.
 *
 *   npm run bench:herd -- [--originals 60] [--seed 7] [--keep] [--copies-only]
 *
 * `--copies-only` stops after the unherd/Dolos comparison (no index, no collector timing).
 *
 * The cohort is generated here from a fixed seed: distinct projects written from a small grammar
 * of pandas/sklearn-style statements, and near-copies of some of them with every local name
 * changed, cells reordered and reformatted, comments added and a few cells added.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dolos, File as DolosFile } from '@dodona/dolos-lib';
import { ALL_CHECKS } from '../src/checks/index.js';
import { collectFacts, collectorsFor } from '../src/engine/analyse.js';
import { writeIndex } from '../src/herd/similarity/index-db.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { RepoFiles } from '../src/source/repo-files.js';

// The timed code is the compiled JavaScript the CLI runs (`npm run bench:herd` builds it first),
// typed from the sources.
const built = (path: string) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { profileCohort } = (await built(
  'herd/similarity/cohort.js',
)) as typeof import('../src/herd/similarity/cohort.js');
const { DEFAULT_COPY_THRESHOLD, findCopies } = (await built(
  'herd/similarity/copies.js',
)) as typeof import('../src/herd/similarity/copies.js');
const { CODE_COLLECTORS } = (await built(
  'herd/similarity/profile.js',
)) as typeof import('../src/herd/similarity/profile.js');

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ORIGINALS = arg('originals', 60);
const SEED = arg('seed', 7);
const KEEP = args.includes('--keep');
const COPIES_ONLY = args.includes('--copies-only');

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function shuffle<T>(r: Rand, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

const METHODS = (
  'dropna fillna astype rename query merge groupby agg sort_values reset_index set_index pivot_table melt ' +
  'apply map value_counts describe corr clip round shift rolling resample cumsum diff nunique sample head ' +
  'tail drop replace isin between fit predict transform fit_transform score get_dummies concat mean median ' +
  'std quantile idxmax explode interpolate'
).split(' ');
const FUNCS = 'len sorted sum max min abs list dict set round zip enumerate range print'.split(' ');
const OPS = ['+', '-', '*', '/', '>', '<', '==', '>=', '%', 'and', 'or'];
const WORDS = (
  'rides trips sales users orders prices scores frame table rows items counts totals ratio share week day ' +
  'store city label target feature value cost rate level group batch window sample model result'
).split(' ');

/** A program as a tree of statements over numbered variables, rendered later with names and a style. */
type Expr =
  | { k: 'var'; v: number }
  | { k: 'str'; s: string }
  | { k: 'num'; n: number }
  | { k: 'call'; f: string; args: Expr[] }
  | { k: 'meth'; obj: Expr; m: string; args: Expr[]; kw: [string, Expr][] }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'index'; obj: Expr; key: Expr };
type Stmt =
  | { k: 'assign'; v: number; e: Expr }
  | { k: 'expr'; e: Expr }
  | { k: 'for'; v: number; iter: Expr; body: Stmt[] }
  | { k: 'if'; cond: Expr; body: Stmt[] }
  | { k: 'def'; name: number; params: number[]; body: Stmt[]; ret: Expr };

function genExpr(r: Rand, vars: number, depth: number): Expr {
  const roll = r();
  if (depth <= 0 || roll < 0.25)
    return roll < 0.12
      ? { k: 'var', v: int(r, 0, vars - 1) }
      : roll < 0.19
        ? { k: 'str', s: pick(r, WORDS) }
        : { k: 'num', n: int(r, 1, 99) };
  if (roll < 0.55) {
    const kw: [string, Expr][] = r() < 0.4 ? [[pick(r, WORDS), genExpr(r, vars, 0)]] : [];
    return {
      k: 'meth',
      obj: { k: 'var', v: int(r, 0, vars - 1) },
      m: pick(r, METHODS),
      args: Array.from({ length: int(r, 0, 2) }, () => genExpr(r, vars, depth - 1)),
      kw,
    };
  }
  if (roll < 0.7)
    return {
      k: 'call',
      f: pick(r, FUNCS),
      args: Array.from({ length: int(r, 1, 2) }, () => genExpr(r, vars, depth - 1)),
    };
  if (roll < 0.85)
    return { k: 'bin', op: pick(r, OPS), a: genExpr(r, vars, depth - 1), b: genExpr(r, vars, depth - 1) };
  return { k: 'index', obj: { k: 'var', v: int(r, 0, vars - 1) }, key: genExpr(r, vars, 0) };
}

function genStmt(r: Rand, vars: number, depth: number): Stmt {
  const roll = r();
  if (depth > 0 && roll < 0.12)
    return {
      k: 'for',
      v: int(r, 0, vars - 1),
      iter: genExpr(r, vars, 1),
      body: genBlock(r, vars, depth - 1, 1, 3),
    };
  if (depth > 0 && roll < 0.22)
    return { k: 'if', cond: genExpr(r, vars, 1), body: genBlock(r, vars, depth - 1, 1, 2) };
  if (depth > 0 && roll < 0.3)
    return {
      k: 'def',
      name: int(r, 0, vars - 1),
      params: [int(r, 0, vars - 1), int(r, 0, vars - 1)],
      body: genBlock(r, vars, depth - 1, 2, 4),
      ret: genExpr(r, vars, 1),
    };
  if (roll < 0.8) return { k: 'assign', v: int(r, 0, vars - 1), e: genExpr(r, vars, 2) };
  return { k: 'expr', e: genExpr(r, vars, 2) };
}
function genBlock(r: Rand, vars: number, depth: number, lo: number, hi: number): Stmt[] {
  return Array.from({ length: int(r, lo, hi) }, () => genStmt(r, vars, depth));
}

interface Project {
  title: string;
  vars: number;
  cells: Stmt[][];
  module: Stmt[];
}
function genProject(r: Rand): Project {
  const vars = 14;
  return {
    title: `${pick(r, WORDS)} ${pick(r, WORDS)} study`,
    vars,
    cells: Array.from({ length: int(r, 6, 10) }, () => genBlock(r, vars, 2, 2, 5)),
    module: genBlock(r, vars, 2, 3, 6),
  };
}

interface Style {
  names: string[];
  space: boolean;
  comments: boolean;
  wrap: boolean;
}
function renderExpr(e: Expr, s: Style): string {
  const sp = s.space ? ' ' : '';
  const list = (xs: string[]) => xs.join(s.space ? ' , ' : ', ');
  switch (e.k) {
    case 'var':
      return s.names[e.v]!;
    case 'str':
      return s.space ? `'${e.s}'` : `"${e.s}"`;
    case 'num':
      return String(e.n);
    case 'call':
      return `${e.f}(${sp}${list(e.args.map((a) => renderExpr(a, s)))}${sp})`;
    case 'meth': {
      const parts = [
        ...e.args.map((a) => renderExpr(a, s)),
        ...e.kw.map(([k, v]) => `${k}${sp}=${sp}${renderExpr(v, s)}`),
      ];
      const joined = s.wrap && parts.length > 1 ? parts.join(',\n        ') : list(parts);
      return `${renderExpr(e.obj, s)}.${e.m}(${joined})`;
    }
    case 'bin':
      return `(${renderExpr(e.a, s)} ${e.op} ${renderExpr(e.b, s)})`;
    case 'index':
      return `${renderExpr(e.obj, s)}[${sp}${renderExpr(e.key, s)}${sp}]`;
  }
}
function renderBlock(stmts: Stmt[], s: Style, indent: string, r: Rand): string[] {
  const out: string[] = [];
  for (const st of stmts) {
    if (s.comments && r() < 0.3) out.push(`${indent}# ${pick(r, WORDS)} ${pick(r, WORDS)}`);
    switch (st.k) {
      case 'assign':
        out.push(`${indent}${s.names[st.v]}${s.space ? '  =  ' : ' = '}${renderExpr(st.e, s)}`);
        break;
      case 'expr':
        out.push(`${indent}${renderExpr(st.e, s)}`);
        break;
      case 'for':
        out.push(
          `${indent}for ${s.names[st.v]} in ${renderExpr(st.iter, s)}:`,
          ...renderBlock(st.body, s, `${indent}    `, r),
        );
        break;
      case 'if':
        out.push(`${indent}if ${renderExpr(st.cond, s)}:`, ...renderBlock(st.body, s, `${indent}    `, r));
        break;
      case 'def':
        out.push(`${indent}def ${s.names[st.name]}(${st.params.map((p) => s.names[p]).join(', ')}):`);
        if (s.comments) out.push(`${indent}    """${pick(r, WORDS)} helper."""`);
        out.push(
          ...renderBlock(st.body, s, `${indent}    `, r),
          `${indent}    return ${renderExpr(st.ret, s)}`,
        );
        if (s.space) out.push('');
        break;
    }
  }
  return out;
}

function notebookJson(title: string, cells: string[]): string {
  const cell = (type: string, source: string) => ({
    cell_type: type,
    metadata: {},
    source: source.split('\n').map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l)),
    ...(type === 'code' ? { execution_count: null, outputs: [] } : {}),
  });
  return JSON.stringify({
    cells: [cell('markdown', `# ${title}`), ...cells.map((c) => cell('code', `import pandas as pd\n${c}`))],
    metadata: { kernelspec: { name: 'python3', language: 'python' }, language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

const TITANIC = 'PassengerId,Survived,Pclass,Name,Sex,Age,SibSp,Parch,Ticket,Fare,Cabin,Embarked';
function writeProject(
  dir: string,
  p: Project,
  s: Style,
  r: Rand,
  extraCells: Stmt[][] = [],
  order?: number[],
): void {
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  const cells = [...(order ?? p.cells.map((_, i) => i)).map((i) => p.cells[i]!), ...extraCells];
  const rendered = cells.map((c) => renderBlock(c, s, '', r).join('\n'));
  writeFileSync(join(dir, 'analysis.ipynb'), notebookJson(p.title, rendered));
  writeFileSync(
    join(dir, 'src', 'helpers.py'),
    `import numpy as np\n\n${renderBlock(p.module, s, '', r).join('\n')}\n`,
  );
  writeFileSync(join(dir, 'README.md'), `# ${p.title}\n\nAn analysis of ${p.title}.\n`);
  if (r() < 0.3)
    writeFileSync(join(dir, 'data', 'train.csv'), `${TITANIC}\n1,0,3,"Doe, J",male,22,1,0,A/5,7.25,,S\n`);
}

function names(r: Rand, n: number, prefix: string): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const name = `${prefix}${pick(r, WORDS)}_${pick(r, WORDS)}`;
    if (!used.has(name)) {
      used.add(name);
      out.push(name);
    }
  }
  return out;
}

interface Cohort {
  root: string;
  paths: string[];
  truth: Set<string>;
}
function buildCohort(): Cohort {
  const r = rng(SEED);
  const root = mkdtempSync(join(tmpdir(), 'unherd-herd-bench-'));
  const paths: string[] = [];
  const projects: Project[] = [];
  for (let i = 0; i < ORIGINALS; i++) {
    const p = genProject(r);
    projects.push(p);
    const dir = join(root, `p${String(i).padStart(3, '0')}`);
    writeProject(dir, p, { names: names(r, p.vars, ''), space: false, comments: false, wrap: false }, r);
    paths.push(dir);
  }
  const truth = new Set<string>();
  const copiesOf = new Map<number, string[]>();
  const copied = Math.max(2, Math.round(ORIGINALS / 4));
  for (let c = 0; c < copied; c++) {
    const source = c;
    const times = c % 5 === 4 ? 2 : 1;
    for (let t = 0; t < times; t++) {
      const p = projects[source]!;
      const dir = join(root, `copy${String(c).padStart(3, '0')}-${t}`);
      const order = shuffle(
        r,
        p.cells.map((_, i) => i),
      );
      const extra = Array.from({ length: int(r, 1, 3) }, () => genBlock(r, p.vars, 2, 2, 4));
      writeProject(
        dir,
        p,
        { names: names(r, p.vars, 'my_'), space: true, comments: true, wrap: true },
        r,
        extra,
        order,
      );
      paths.push(dir);
      const list = copiesOf.get(source) ?? [paths[source]!];
      for (const other of list) truth.add(pairKey(other, dir));
      list.push(dir);
      copiesOf.set(source, list);
    }
  }
  return { root, paths, truth };
}
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** What Dolos is given: per repository, its .py files and its notebook code cells exported to one .py. */
function exportForDolos(dir: string): string {
  const nb = JSON.parse(readFileSync(join(dir, 'analysis.ipynb'), 'utf8')) as {
    cells: { cell_type: string; source: string[] }[];
  };
  const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join(''));
  return `${readFileSync(join(dir, 'src', 'helpers.py'), 'utf8')}\n\n${code.join('\n\n')}\n`;
}

function score(found: Set<string>, truth: Set<string>): { precision: number; recall: number } {
  let tp = 0;
  for (const k of found) if (truth.has(k)) tp++;
  return {
    precision: found.size === 0 ? 1 : tp / found.size,
    recall: truth.size === 0 ? 1 : tp / truth.size,
  };
}

async function main(): Promise<void> {
  const cohort = buildCohort();
  const n = cohort.paths.length;
  try {
    // Ours: profile (tree + notebooks + fingerprints) and pair up, end to end.
    const t0 = performance.now();
    const { profiles, failures } = await profileCohort(cohort.paths, { collectors: CODE_COLLECTORS });
    const pairs = findCopies(profiles, DEFAULT_COPY_THRESHOLD);
    const oursMs = performance.now() - t0;
    if (failures.length > 0) throw new Error(`unreadable: ${failures.map((f) => f.path).join(', ')}`);
    const ours = score(new Set(pairs.map((p) => pairKey(p.a, p.b))), cohort.truth);

    // Dolos on the same cohort, exported to .py, same process.
    const t1 = performance.now();
    const files = cohort.paths.map((p) => new DolosFile(`${p}.py`, exportForDolos(p)));
    const report = await new Dolos({ language: 'python' }).analyze(files);
    const dolosMs = performance.now() - t1;
    const dolosPairs = report.allPairs().map((p) => ({
      key: pairKey(p.leftFile.path.replace(/\.py$/, ''), p.rightFile.path.replace(/\.py$/, '')),
      similarity: p.similarity,
    }));
    const dolos = score(
      new Set(dolosPairs.filter((p) => p.similarity >= DEFAULT_COPY_THRESHOLD).map((p) => p.key)),
      cohort.truth,
    );
    let dolosBest = { threshold: 0, precision: 0, recall: 0, f1: -1 };
    for (let t = 0.05; t <= 0.95; t += 0.05) {
      const s = score(new Set(dolosPairs.filter((p) => p.similarity >= t).map((p) => p.key)), cohort.truth);
      const f1 = s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
      if (f1 > dolosBest.f1) dolosBest = { threshold: Math.round(t * 100) / 100, ...s, f1 };
    }

    const extra = COPIES_ONLY ? null : await indexAndCollectorCost(cohort);
    const totalPairs = (n * (n - 1)) / 2;
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const rows = [
      [
        'cohort',
        `${n} repositories (${ORIGINALS} distinct, ${n - ORIGINALS} planted copies), ${cohort.truth.size} true pairs, seed ${SEED}`,
      ],
      [
        '`herd copies` precision / recall',
        `${pct(ours.precision)} / ${pct(ours.recall)} (threshold ${DEFAULT_COPY_THRESHOLD})`,
      ],
      [
        'Dolos precision / recall',
        `${pct(dolos.precision)} / ${pct(dolos.recall)} at ${DEFAULT_COPY_THRESHOLD}; best F1 at ${dolosBest.threshold}: ${pct(dolosBest.precision)} / ${pct(dolosBest.recall)}`,
      ],
      [
        'time: unherd / Dolos',
        `${oursMs.toFixed(0)} ms / ${dolosMs.toFixed(0)} ms (Dolos takes ${(dolosMs / oursMs).toFixed(1)}× as long)`,
      ],
      ['pairs/second (unherd, end to end)', `${Math.round(totalPairs / (oursMs / 1000))}`],
    ];
    if (extra) {
      rows.push(
        [
          'index',
          `${extra.repos} repositories, ${extra.fingerprints} fingerprints, ${(extra.bytes / 1024).toFixed(0)} KiB, built in ${extra.indexMs.toFixed(0)} ms`,
        ],
        [
          'herd collector share of fact collection',
          `${pct(extra.herdShare)} (${extra.withoutMs.toFixed(0)} → ${extra.withMs.toFixed(0)} ms; target ≤ 20%)`,
        ],
      );
    }
    process.stdout.write(
      `| measure | result |\n| --- | --- |\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}\n`,
    );
    const targets =
      ours.recall >= dolos.recall && dolosMs / oursMs >= 5 && (extra === null || extra.herdShare <= 0.2);
    process.stdout.write(`\ntargets met: ${targets ? 'yes' : 'no'}\n`);
  } finally {
    if (!KEEP) rmSync(cohort.root, { recursive: true, force: true });
    else process.stdout.write(`cohort kept at ${cohort.root}\n`);
  }
}

/** The index of full profiles (size on disk), and what the herd collector adds to fact collection (median of 3). */
async function indexAndCollectorCost(cohort: Cohort) {
  // Index: full profiles (data, topic, stack too), size on disk.
  const t2 = performance.now();
  const full = await profileCohort(cohort.paths);
  const dbPath = join(cohort.root, 'index.db');
  const stats = writeIndex(dbPath, full.profiles, 'bench');
  const indexMs = performance.now() - t2;

  // What the herd collector adds to collecting an audit's facts (median of 3 passes each).
  const needed = collectorsFor(ALL_CHECKS);
  const withoutHerd = new Set([...needed].filter((c) => c !== 'herd'));
  const timeFacts = async (set: ReadonlySet<typeof needed extends Set<infer C> ? C : never>) => {
    const t = performance.now();
    for (const p of cohort.paths) await collectFacts(await RepoFiles.open(p, DEFAULT_LIMITS), set as never);
    return performance.now() - t;
  };
  await timeFacts(needed); // warm caches and the parser
  const withRuns: number[] = [];
  const withoutRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    withoutRuns.push(await timeFacts(withoutHerd));
    withRuns.push(await timeFacts(needed));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  const herdShare = median(withRuns) / median(withoutRuns) - 1;

  return {
    repos: stats.repos,
    fingerprints: stats.fingerprints,
    bytes: stats.bytes,
    indexMs,
    herdShare,
    withoutMs: median(withoutRuns),
    withMs: median(withRuns),
  };
}

await main();
