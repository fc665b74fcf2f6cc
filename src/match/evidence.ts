import type { Facts, FactsData } from '../facts.js';
import type { CoverageStatus, Evidence } from './types.js';
import {
  compileRule,
  type EvidenceRule,
  findSkills,
  type SkillEntry,
  type Vocabulary,
} from './vocabulary.js';

/**
 * Evidence, never claims: a skill is `covered` when the repositories' collected facts show it in
 * code or configuration (an import, a Dockerfile, a query, a trained model), `partial` when they
 * show it only in part (a README that mentions it, a related tool, a declared but unused
 * dependency), `missing` otherwise. Everything here reads facts the audit's collectors produced;
 * no file is read again.
 */

/** One audited repository as the matcher sees it. */
export interface RepoFacts {
  name: string;
  facts: Facts;
}

export interface SkillCoverage {
  status: CoverageStatus;
  evidence: Evidence[];
  note?: string;
}

const MAX_EVIDENCE = 4;

function data<K extends keyof FactsData>(facts: Facts, key: K): FactsData[K] | null {
  const c = facts[key];
  return c.status === 'ok' ? c.data : null;
}

function globRegex(glob: string): RegExp {
  const body = glob
    .split('')
    .map((ch) => (ch === '*' ? '[^/]*' : /[.+?^${}()|[\]\\]/.test(ch) ? `\\${ch}` : ch))
    .join('');
  return new RegExp(`^${body}$`, glob === glob.toLowerCase() && /\*\.\w+$/.test(glob) ? 'i' : '');
}

const globCache = new Map<string, RegExp>();
function matchesGlob(path: string, glob: string): boolean {
  let re = globCache.get(glob);
  if (!re) {
    re = globRegex(glob);
    globCache.set(glob, re);
  }
  return glob.includes('/')
    ? re.test(path) || re.test(path.split('/').slice(-2).join('/'))
    : re.test(path.split('/').pop()!);
}

const LANGUAGE_EXTENSIONS: Record<string, string[]> = {
  Python: ['py'],
  R: ['r', 'rmd', 'qmd'],
  SQL: ['sql'],
  Scala: ['scala'],
  Julia: ['jl'],
  Java: ['java'],
  'C++': ['cpp', 'cc', 'hpp'],
  C: ['c', 'h'],
  Go: ['go'],
  JavaScript: ['js', 'mjs'],
  TypeScript: ['ts'],
  Shell: ['sh', 'bash'],
  MATLAB: ['m'],
};

const NOTEBOOK_LANGUAGE: Record<string, string> = {
  python: 'Python',
  r: 'R',
  julia: 'Julia',
  scala: 'Scala',
};

/** Evidence for one rule in one repository, or null when the rule does not hold there. */
function ruleEvidence(rule: EvidenceRule, repo: RepoFacts): Evidence[] | null {
  const { facts, name } = repo;
  const python = data(facts, 'python');
  const tree = data(facts, 'tree');
  const infra = data(facts, 'infra');
  const signals = data(facts, 'signals');
  const notebooks = data(facts, 'notebooks');
  const manifests = data(facts, 'manifests');
  const git = data(facts, 'git');
  const found: Evidence[][] = [];
  const status = rule.status ?? 'covered';
  const ev = (e: Omit<Evidence, 'repo' | 'strength'>): Evidence => ({ repo: name, strength: status, ...e });

  let importFiles: Set<string> | null = null;
  if (rule.imports) {
    const hits = (python?.imports ?? []).filter((i) =>
      rule.imports!.some(
        (m) => i.module === m || i.module.startsWith(`${m}.`) || (!m.includes('.') && i.top === m),
      ),
    );
    if (hits.length === 0) return null;
    importFiles = new Set(hits.map((h) => h.file));
    found.push(
      hits.map((h) => ev({ file: h.file, line: h.line, cell: h.cell, detail: `import ${h.module}` })),
    );
  }
  if (rule.calls) {
    const res = rule.calls.map(compileRule);
    const hits = (python?.calls ?? []).filter(
      (c) => res.some((re) => re.test(c.callee)) && (importFiles === null || importFiles.has(c.file)),
    );
    if (hits.length === 0) return null;
    found.unshift(
      hits.map((h) => ev({ file: h.file, line: h.line, cell: h.cell, detail: `calls ${h.callee}()` })),
    );
  }
  if (rule.packages) {
    const hits = (manifests?.manifests ?? []).flatMap((m) =>
      m.dependencies.filter((d) => rule.packages!.includes(d.name)),
    );
    if (hits.length === 0) return null;
    found.push(hits.map((d) => ev({ file: d.manifest, line: d.line, detail: `declares ${d.name}` })));
  }
  if (rule.files) {
    const hits = (tree?.files ?? []).filter((f) => rule.files!.some((g) => matchesGlob(f.path, g)));
    if (hits.length === 0) return null;
    found.push(hits.map((f) => ev({ file: f.path, detail: f.path.split('/').pop()! })));
  }
  if (rule.code) {
    const res = rule.code.map(compileRule);
    const hits: Evidence[] = [];
    for (const nb of notebooks?.notebooks ?? []) {
      for (const cell of nb.cells) {
        if (cell.type !== 'code') continue;
        const re = res.find((r) => r.test(cell.source));
        if (!re) continue;
        const at = cell.source.search(re);
        const line = cell.source.slice(0, at).split('\n').length;
        const snippet = cell.source.slice(at).split('\n')[0]!.trim().slice(0, 60);
        hits.push(ev({ file: nb.path, cell: cell.index, line, detail: snippet }));
        if (hits.length >= MAX_EVIDENCE) break;
      }
    }
    for (const c of python?.calls ?? []) {
      const arg = [...c.stringArgs, ...Object.values(c.stringKwargs)].find((a) => res.some((r) => r.test(a)));
      if (arg !== undefined)
        hits.push(
          ev({
            file: c.file,
            line: c.line,
            cell: c.cell,
            detail: `${c.callee}("${arg.replace(/\s+/g, ' ').slice(0, 50)}")`,
          }),
        );
    }
    if (hits.length === 0) return null;
    found.push(hits);
  }
  if (rule.languages) {
    const langs = new Set(Object.keys(tree?.languageBytes ?? {}));
    for (const nb of notebooks?.notebooks ?? []) {
      const l = NOTEBOOK_LANGUAGE[nb.language];
      if (l) langs.add(l);
    }
    const hit = rule.languages.find((l) => langs.has(l));
    if (!hit) return null;
    const nb = (notebooks?.notebooks ?? []).find((n) => NOTEBOOK_LANGUAGE[n.language] === hit);
    const exts = LANGUAGE_EXTENSIONS[hit] ?? [];
    const file = (tree?.files ?? []).find((f) => exts.includes(f.ext))?.path ?? nb?.path;
    found.push([ev({ file, detail: `${hit} code` })]);
  }
  if (rule.infra) {
    const hits: Evidence[] = [];
    for (const want of rule.infra) {
      const [what, kind] = want.split(':');
      if (!infra) break;
      if (what === 'dockerfile')
        hits.push(...infra.dockerfiles.map((f) => ev({ file: f, detail: 'Dockerfile' })));
      else if (what === 'compose')
        hits.push(...infra.compose.map((f) => ev({ file: f, detail: 'Compose file' })));
      else if (what === 'ci') hits.push(...infra.ci.files.map((f) => ev({ file: f, detail: 'CI workflow' })));
      else if (what === 'tests')
        hits.push(
          ...infra.tests.files.map((f) =>
            ev({ file: f, detail: `tests (${infra.tests.frameworks.join(', ') || 'test functions'})` }),
          ),
        );
      else if (what === 'webapp')
        hits.push(
          ...infra.webApps
            .filter((w) => !kind || w.framework === kind)
            .map((w) => ev({ file: w.file, line: w.line, detail: `${w.framework} app` })),
        );
      else if (what === 'deployment')
        hits.push(
          ...infra.deployment
            .filter((d) => !kind || d.kind === kind)
            .map((d) => ev({ file: d.path, detail: `${d.kind} deployment` })),
        );
      else if (what === 'entry')
        hits.push(
          ...infra.entryPoints
            .filter((e) => !kind || e.kind === kind)
            .map((e) => ev({ file: e.path, detail: `${e.kind} entry point` })),
        );
      else if (what === 'precommit' && infra.precommit)
        hits.push(ev({ file: '.pre-commit-config.yaml', detail: 'pre-commit hooks' }));
      else if (what === 'linter') hits.push(...infra.linters.map((l) => ev({ detail: `${l} configured` })));
    }
    if (hits.length === 0) return null;
    found.push(hits);
  }
  if (rule.signals) {
    const hits: Evidence[] = [];
    for (const want of rule.signals) {
      if (!signals) break;
      const where = (s: { file: string; line?: number; cell?: number }) => ({
        file: s.file,
        line: s.line,
        cell: s.cell,
      });
      if (['scraping', 'api', 'sensor', 'survey', 'database'].includes(want))
        hits.push(
          ...signals.collection
            .filter((c) => c.kind === want)
            .map((c) => ev({ ...where(c), detail: `${c.library} (${c.kind})` })),
        );
      else if (want === 'pretrained')
        hits.push(
          ...signals.pretrainedModels
            .filter((p) => !p.hosted)
            .map((p) => ev({ ...where(p), detail: `pretrained ${p.name}` })),
        );
      else if (want === 'hosted-model')
        hits.push(
          ...signals.pretrainedModels
            .filter((p) => p.hosted)
            .map((p) => ev({ ...where(p), detail: `hosted model ${p.name}` })),
        );
      else if (['image', 'audio', 'text', 'video'].includes(want))
        hits.push(
          ...signals.unstructuredData
            .filter((u) => u.modality === want)
            .map((u) => ev({ ...where(u), detail: `${u.modality} data via ${u.via}` })),
        );
      else if (want === 'paper')
        hits.push(...signals.paperReferences.map((p) => ev({ ...where(p), detail: `cites ${p.id}` })));
      else if (want === 'replication')
        hits.push(...signals.replicationPhrases.map((p) => ev({ ...where(p), detail: p.text.slice(0, 60) })));
    }
    if (hits.length === 0) return null;
    found.push(hits);
  }
  if (rule.commits !== undefined) {
    if (!git || git.humanCommitCount < rule.commits || git.commits.length === 0) return null;
    found.push([
      ev({
        commit: git.commits[0]!.hash.slice(0, 12),
        detail: `${git.humanCommitCount} commits over ${git.activeDays} day(s)`,
      }),
    ]);
  }
  if (found.length === 0) return null;
  return found.flat();
}

/** The first commit that touched each path, so file evidence can point at history too. */
function firstCommits(repo: RepoFacts): Map<string, string> {
  const git = data(repo.facts, 'git');
  const out = new Map<string, string>();
  if (!git) return out;
  const oldestFirst = [...git.commits].sort((a, b) => a.timestamp - b.timestamp);
  for (const c of oldestFirst) for (const p of c.paths) if (!out.has(p)) out.set(p, c.hash.slice(0, 12));
  return out;
}

/** Prose the candidate wrote about the work: README parts and notebook Markdown, with where. */
export interface ProseLine {
  repo: string;
  file: string;
  line?: number;
  cell?: number;
  text: string;
}

function proseOf(repo: RepoFacts): ProseLine[] {
  const out: ProseLine[] = [];
  const readme = data(repo.facts, 'readme');
  if (readme?.present && readme.path) {
    const file = readme.path;
    if (readme.title) out.push({ repo: repo.name, file, line: 1, text: readme.title });
    if (readme.intro) out.push({ repo: repo.name, file, text: readme.intro });
    for (const s of readme.sections) out.push({ repo: repo.name, file, line: s.line, text: s.title });
    for (const l of readme.links) out.push({ repo: repo.name, file, line: l.line, text: l.text });
    for (const r of readme.runCommands) out.push({ repo: repo.name, file, line: r.line, text: r.command });
    for (const m of readme.metrics) out.push({ repo: repo.name, file, line: m.line, text: m.text });
  }
  for (const nb of data(repo.facts, 'notebooks')?.notebooks ?? []) {
    for (const cell of nb.cells) {
      if (cell.type === 'markdown')
        out.push({ repo: repo.name, file: nb.path, cell: cell.index, text: cell.source.slice(0, 4000) });
    }
  }
  return out;
}

/**
 * Words that put a project in a domain: an ad asking for banking experience is partly answered by a
 * credit-card fraud project. Stems, matched at word starts.
 */
const DOMAIN_FAMILIES: Record<string, string[]> = {
  finance: ['financ', 'bank', 'credit', 'loan', 'fraud', 'fintech', 'trading', 'stock', 'payment', 'invest'],
  health: [
    'health',
    'clinic',
    'patient',
    'hospital',
    'medic',
    'pharma',
    'biotech',
    'disease',
    'ehr',
    'genom',
    'bioinformatic',
    'life science',
  ],
  insurance: ['insur', 'claim'],
  retail: ['retail', 'e-commerce', 'ecommerce', 'sales', 'shop', 'store', 'customer'],
  marketing: ['marketing', 'advertis', 'campaign', 'ad tech', 'adtech'],
  energy: ['energy', 'electric', 'power grid', 'emission', 'climate', 'solar', 'wind'],
  logistics: ['logistic', 'supply chain', 'shipping', 'transport', 'mobility', 'delivery'],
};

/** A portfolio, ready to answer "does it show skill X?" for any number of ads. */
export class Portfolio {
  private readonly cache = new Map<string, SkillCoverage>();
  private readonly mentions = new Map<string, Evidence[]>();
  private readonly prose: ProseLine[];
  private readonly commits: Map<string, Map<string, string>>;

  constructor(
    readonly repos: readonly RepoFacts[],
    private readonly vocabulary: Vocabulary,
  ) {
    this.prose = repos.flatMap(proseOf);
    this.commits = new Map(repos.map((r) => [r.name, firstCommits(r)]));
    for (const line of this.prose) {
      for (const m of findSkills(line.text, vocabulary)) {
        const list = this.mentions.get(m.skill) ?? [];
        if (list.length < MAX_EVIDENCE)
          list.push({
            repo: line.repo,
            file: line.file,
            line: line.line,
            cell: line.cell,
            detail: `mentions "${m.text}" in prose only`,
            strength: 'partial',
          });
        this.mentions.set(m.skill, list);
      }
    }
  }

  private withCommit(e: Evidence): Evidence {
    if (e.file === undefined || e.commit !== undefined) return e;
    const commit = this.commits.get(e.repo)?.get(e.file);
    return commit ? { ...e, commit } : e;
  }

  private direct(skill: SkillEntry): SkillCoverage | null {
    let partial: Evidence[] = [];
    for (const rule of skill.evidence) {
      const evidence = this.repos.flatMap((r) => ruleEvidence(rule, r) ?? []);
      if (evidence.length === 0) continue;
      if ((rule.status ?? 'covered') === 'covered')
        return {
          status: 'covered',
          evidence: evidence.slice(0, MAX_EVIDENCE).map((e) => this.withCommit(e)),
        };
      if (partial.length === 0) partial = evidence.slice(0, MAX_EVIDENCE).map((e) => this.withCommit(e));
    }
    return partial.length > 0
      ? { status: 'partial', evidence: partial, note: 'shown only in part by the code' }
      : null;
  }

  /** How far the portfolio shows one skill; computed once per skill. */
  coverage(skillId: string): SkillCoverage {
    const hit = this.cache.get(skillId);
    if (hit) return hit;
    const skill = this.vocabulary.byId.get(skillId);
    let result: SkillCoverage = { status: 'missing', evidence: [] };
    if (skill) {
      const direct = this.direct(skill);
      if (direct?.status === 'covered') result = direct;
      else {
        const related = (skill.related ?? [])
          .map((id) => ({
            id,
            c: this.vocabulary.byId.has(id) ? this.direct(this.vocabulary.byId.get(id)!) : null,
          }))
          .find((r) => r.c?.status === 'covered');
        if (direct) result = direct;
        else if (related) {
          const name = this.vocabulary.byId.get(related.id)!.name;
          result = {
            status: 'partial',
            evidence: related.c!.evidence.map((e) => ({
              ...e,
              strength: 'partial' as const,
              detail: `${e.detail} (${name}, related)`,
            })),
            note: `not shown itself; ${name}, a related skill, is`,
          };
        } else if (skill.readme !== false && this.mentions.has(skillId)) {
          result = {
            status: 'partial',
            evidence: this.mentions.get(skillId)!,
            note: 'mentioned in prose, not shown in code',
          };
        }
      }
    }
    this.cache.set(skillId, result);
    return result;
  }

  /** A domain ("healthcare", "retail") can only be read from what the candidate wrote: at most partial. */
  domain(word: string): SkillCoverage {
    const key = word.toLowerCase();
    const family = Object.values(DOMAIN_FAMILIES).find((f) => f.some((w) => key.startsWith(w))) ?? [key];
    const re = new RegExp(
      `\\b(${family.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
      'i',
    );
    const hits = this.prose.filter((p) => re.test(p.text)).slice(0, MAX_EVIDENCE);
    if (hits.length === 0) return { status: 'missing', evidence: [] };
    return {
      status: 'partial',
      evidence: hits.map((h) => ({
        repo: h.repo,
        file: h.file,
        line: h.line,
        cell: h.cell,
        detail: `a project about ${word}`,
        strength: 'partial' as const,
      })),
      note: 'a project in this domain; domain knowledge itself is judged in interviews',
    };
  }
}
