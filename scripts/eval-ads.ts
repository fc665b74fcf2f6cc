/**
 * `npm run eval:ads -- <folder> [--labels file] [--judged file] [--real /work/real] [--json]`
 *
 * Measures `unherd match` against hand labels: requirement-item recall and precision, `kind`
 * accuracy, and coverage agreement with a hand-judged portfolio. The ads are not in the repository
 * (public postings without a licence to redistribute); the labels name each by source and hash.
 * Items match one to one when the tool's item text contains the label's anchor and they name the
 * same skill (or, for items without a skill, have the same category).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { auditPaths } from '../src/engine/audit.js';
import { readAd } from '../src/match/ad/read.js';
import { matchAd } from '../src/match/match.js';
import { portfolioFromAudit } from '../src/match/portfolio.js';
import type { RequirementItem } from '../src/match/types.js';
import { loadVocabulary } from '../src/match/vocabulary.js';

type Label = [kind: string, category: string, skill: string, anchor: string];
interface LabelledAd {
  id: string;
  source: string;
  form: string;
  glued?: boolean;
  items: Label[];
}

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const folder = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!folder) {
  console.error(
    'usage: npm run eval:ads -- <folder of ads> [--labels file] [--judged file] [--real dir] [--json]',
  );
  process.exit(2);
}
const labelsPath = flag('--labels', 'test/fixtures/ads/eval/labels.yml');
const judgedPath = flag('--judged', 'test/fixtures/ads/eval/portfolio-judged.yml');
const realRoot = flag('--real', '/work/real');
const labels = (parse(readFileSync(labelsPath, 'utf8')) as { ads: LabelledAd[] }).ads;
const judged = parse(readFileSync(judgedPath, 'utf8')) as {
  repos: string[];
  skills: Record<string, string>;
  domains: Record<string, string>;
};

const norm = (s: string) =>
  s.toLowerCase().replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

/**
 * A label `x-<name>` names a tool the vocabulary lacked when the ad was labelled; once the
 * vocabulary knows it (as an id or an alias), the label means that skill.
 */
function resolveSkill(skill: string): string {
  if (!skill.startsWith('x-')) return skill;
  const name = skill.slice(2);
  if (vocabulary.byId.has(name)) return name;
  const spaced = name.replace(/-/g, ' ');
  const entry = vocabulary.skills.find((s) =>
    [...s.aliases, ...(s.exact ?? []), ...(s.cased ?? [])].some((a) => a.toLowerCase() === spaced),
  );
  return entry?.id ?? skill;
}

function matches(label: Label, item: RequirementItem): boolean {
  const [, category, , anchor] = label;
  const skill = resolveSkill(label[2]);
  const text = norm(item.text);
  const a = norm(anchor);
  const where = text.includes(a) || (text.length >= 15 && a.includes(text));
  if (!where) return false;
  return skill === '-' ? item.skills.length === 0 && item.category === category : item.skills.includes(skill);
}

const vocabulary = loadVocabulary();
const repoPaths = judged.repos.map((r) => join(realRoot, r));
const missingRepos = repoPaths.filter((p) => !existsSync(p));
let portfolio: Awaited<ReturnType<typeof portfolioFromAudit>>['portfolio'] | null = null;
if (missingRepos.length === 0) {
  const audit = await auditPaths(repoPaths, { jobs: 2 });
  portfolio = (await portfolioFromAudit(audit, vocabulary)).portfolio;
} else {
  console.error(`coverage not measured: ${missingRepos.join(', ')} not found`);
}
const empty = (await import('../src/match/evidence.js')).Portfolio;
const scoringPortfolio = portfolio ?? new empty([], vocabulary);

const totals = {
  labels: 0,
  known: 0,
  predicted: 0,
  matchedLabels: 0,
  matchedKnown: 0,
  matchedPred: 0,
  kindOk: 0,
  covOk: 0,
  covN: 0,
};
const byForm = new Map<string, { labels: number; matched: number; predicted: number; matchedPred: number }>();
const rows: string[] = [];
const misses: string[] = [];
const extras: string[] = [];
const disagreements: string[] = [];
const kindMisses: string[] = [];
let unread = 0;

for (const ad of labels) {
  const file = ['.txt', '.html', '.md'].map((e) => join(folder, `${ad.id}${e}`)).find(existsSync);
  if (!file) {
    console.error(`${ad.id}: no file in ${folder}`);
    unread += 1;
    continue;
  }
  const read = await readAd(file);
  if ('error' in read) {
    console.error(`${ad.id}: ${read.error}`);
    unread += 1;
    continue;
  }
  const report = matchAd(read, scoringPortfolio, vocabulary);
  const items = report.requirements;
  const usedPred = new Set<number>();
  let matched = 0;
  let matchedPred = 0;
  for (const label of ad.items) {
    const i = items.findIndex((it, k) => !usedPred.has(k) && matches(label, it));
    const known = !resolveSkill(label[2]).startsWith('x-');
    totals.labels += 1;
    if (known) totals.known += 1;
    if (i < 0) {
      misses.push(`${ad.id}: ${label.join(' | ')}`);
      continue;
    }
    usedPred.add(i);
    matched += 1;
    if (known) totals.matchedKnown += 1;
    const item = items[i]!;
    if (item.kind === label[0]) totals.kindOk += 1;
    else kindMisses.push(`${ad.id}: ${label.join(' | ')} → ${item.kind}`);
    if (item.judgeable && item.status !== null) {
      const expected =
        label[2] === '-'
          ? (judged.domains[(item.note ?? '').replace(/^domain: /, '').toLowerCase()] ??
            judged.domains.default ??
            'missing')
          : (judged.skills[resolveSkill(label[2])] ?? 'missing');
      totals.covN += 1;
      if (expected === item.status) totals.covOk += 1;
      else
        disagreements.push(
          `${ad.id}: ${label[2] === '-' ? item.note : label[2]} tool=${item.status} hand=${expected}`,
        );
    }
  }
  matchedPred = usedPred.size;
  items.forEach((it, k) => {
    if (!usedPred.has(k))
      extras.push(
        `${ad.id}: ${it.kind} ${it.category} ${it.skills.join('+') || '-'} | ${it.text.slice(0, 90)}`,
      );
  });
  totals.predicted += items.length;
  totals.matchedLabels += matched;
  totals.matchedPred += matchedPred;
  const form = `${ad.form}${ad.glued ? ' (glued)' : ''}`;
  const f = byForm.get(form) ?? { labels: 0, matched: 0, predicted: 0, matchedPred: 0 };
  f.labels += ad.items.length;
  f.matched += matched;
  f.predicted += items.length;
  f.matchedPred += matchedPred;
  byForm.set(form, f);
  rows.push(
    `${ad.id.padEnd(11)} ${form.padEnd(16)} labels ${String(ad.items.length).padStart(3)}  tool ${String(items.length).padStart(3)}  matched ${String(matched).padStart(3)}  verdict ${report.verdict} ${report.coverage ?? '—'}`,
  );
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
const summary = {
  ads: labels.length - unread,
  labels: totals.labels,
  predicted: totals.predicted,
  recall: totals.matchedLabels / totals.labels,
  recallKnownSkills: totals.matchedKnown / totals.known,
  precision: totals.matchedPred / totals.predicted,
  kindAccuracy: totals.kindOk / totals.matchedLabels,
  coverageAgreement: totals.covN === 0 ? null : totals.covOk / totals.covN,
  coverageItems: totals.covN,
};
if (args.includes('--json')) {
  console.log(JSON.stringify({ summary, byForm: Object.fromEntries(byForm) }, null, 2));
} else {
  console.log(rows.join('\n'));
  console.log('\nBy form:');
  for (const [form, f] of byForm)
    console.log(
      `  ${form.padEnd(18)} recall ${pct(f.matched, f.labels).padStart(6)}  precision ${pct(f.matchedPred, f.predicted).padStart(6)}  (${f.labels} labels)`,
    );
  if (args.includes('--verbose')) {
    console.log(`\nMissed labels (${misses.length}):\n  ${misses.join('\n  ')}`);
    console.log(`\nItems not in the labels (${extras.length}):\n  ${extras.join('\n  ')}`);
    console.log(`\nKind differs (${kindMisses.length}):\n  ${kindMisses.join('\n  ')}`);
    console.log(`\nCoverage disagreements (${disagreements.length}):\n  ${disagreements.join('\n  ')}`);
  }
  console.log(`
Ads read:            ${summary.ads} of ${labels.length}
Item recall:         ${pct(totals.matchedLabels, totals.labels)} (${totals.matchedLabels}/${totals.labels}); skills the vocabulary knows: ${pct(totals.matchedKnown, totals.known)}
Item precision:      ${pct(totals.matchedPred, totals.predicted)} (${totals.matchedPred}/${totals.predicted})
Kind accuracy:       ${pct(totals.kindOk, totals.matchedLabels)} of matched items
Coverage agreement:  ${pct(totals.covOk, totals.covN)} (${totals.covOk}/${totals.covN} judged items, portfolio: ${judged.repos.length} repositories)
Portfolio folder:    ${resolve(realRoot)}`);
}
