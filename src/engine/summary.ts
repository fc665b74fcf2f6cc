import { describeSpan } from '../checks/history/duration.js';
import { clip } from '../checks/quote.js';
import type { CheckResult } from '../checks/types.js';
import type { DataFacts } from '../collectors/data/types.js';
import type { GitFacts } from '../collectors/git/types.js';
import type { ReadmeFacts } from '../collectors/readme/types.js';
import type { SignalsFacts } from '../collectors/signals/types.js';
import type { Collected, Facts } from '../facts.js';
import { isRedFlag, PRINCIPLE_WEIGHT, type ScoreResult, SEVERITY_WEIGHT } from '../scoring/policy.js';
import type { Route, RouteId } from '../scoring/route.js';
import { languageMix } from './facts-summary.js';

export interface Narrative {
  summary: string;
  highlights: string[];
  redFlags: string[];
}

const MAX_HIGHLIGHTS = 5;

function ok<T>(collected: Collected<T>): T | null {
  return collected.status === 'ok' ? collected.data : null;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** "a, b and c" */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The README collector keeps this many characters of the introduction. */
const INTRO_CHARS = 500;

function problemSentence(readme: ReadmeFacts | null): string | null {
  if (!readme) return null;
  if (!readme.present) return 'There is no README saying what problem it addresses.';
  const title = readableTitle(readme.title);
  const intro = readme.intro
    ? endSentence(balanceQuotes(plainText(clip(readme.intro, 180, readme.intro.length >= INTRO_CHARS))))
    : '';
  if (title && intro) return `"${title}": ${intro}`;
  if (title) return `"${title}", with no introduction saying what problem it addresses.`;
  if (intro) return `The README opens: ${intro}`;
  return 'The README does not say what problem it addresses.';
}

/**
 * A README title fit to open the paragraph: markup and the punctuation around it dropped
 * (`"">:<img …>` or a repository name built to break a page), and no title at all when what is
 * left is not words. Reporters still escape it; this keeps the summary from opening with junk.
 */
export function readableTitle(title: string | null | undefined): string | null {
  if (!title) return null;
  const text = title
    .replace(/<[^>]*>?/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'`<>:;=/\\|*#_~,.!?-]+/, '')
    .replace(/[\s"'`<>:;=/\\|([{*#_~,-]+$/, '')
    .replace(/"/g, "'");
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters >= 2 && letters * 2 >= text.replace(/\s/g, '').length ? text : null;
}

/** Markdown left in quoted README text, read as plain text: links as their text (also when cut inside the address), no emphasis. */
export function plainText(text: string): string {
  return (
    text
      .replace(/!?\[([^\]]*)\]\([^)\s]*\)?/g, '$1')
      // A link cut before its `]`, and emphasis marks: `[*Program Evaluation…` reads "Program Evaluation…".
      .replace(/\[(?=[^\]]*$)/, '')
      .replace(/(?<![\w*])\*+(?=\S)|(?<=\S)\*+(?![\w*])/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** A quotation cut after an opening quote mark closes it, so the paragraph's quotes pair up. */
function balanceQuotes(text: string): string {
  return (text.match(/"/g)?.length ?? 0) % 2 === 1 ? `${text}"` : text;
}

/** Letters and digits only, for telling whether a passage was already quoted. */
const bare = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The passage (its first words) already appears in what the paragraph has said. */
function alreadyTold(passage: string, told: string): boolean {
  const key = bare(passage.replace(/…"?$/, '')).slice(0, 40);
  return key.length >= 12 && bare(told).includes(key);
}

/**
 * A reason or strength quoting the README says its passage once: when the paragraph already
 * quoted it (the README's opening, the route's reason), only the lead-in stays. A quotation keeps
 * plain text and ends at a sentence or with "…", never on a bare word.
 */
function quoteOnce(text: string, told: string, quoted: boolean): string {
  const m = quoted ? /^(.*?):\s*"(.*)"$/s.exec(text) : /^(.*?):\s+(.+)$/s.exec(text);
  if (!m) return text;
  const [, head, passage] = m as unknown as [string, string, string];
  const plain = plainText(passage);
  if (alreadyTold(plain, told)) return head;
  if (!quoted) return `${head}: ${plain}`;
  return `${head}: "${/[.!?…。！？]$/.test(plain) ? plain : `${plain}…`}"`;
}

/** A quotation as the end of a sentence: its own full stop or ellipsis, or a full stop added. */
function endSentence(text: string): string {
  return /[.!?…。！？]$/.test(text) ? text : `${text}.`;
}

/** How the summary introduces each route; the reasons follow as what "it" does. */
const ROUTE_LEAD: Record<RouteId, string> = {
  replication: 'It is a paper replication',
  'tool-pipeline': 'It is a tool or pipeline',
  'own-data': 'Its route out of the herd is its own data',
  'original-question': 'Its route out of the herd is an original question',
  herd: 'It follows the herd',
  'none-yet': 'It shows no route out of the herd yet',
};

function routeSentence(route: Route | null | undefined, told: string): string | null {
  if (!route) return null;
  const reasons = route.reasons.slice(0, 3).map((r) => quoteOnce(r.replace(/[.\s]+$/, ''), told, true));
  if (reasons.length === 0) return `${ROUTE_LEAD[route.id]}.`;
  return `${ROUTE_LEAD[route.id]}: it ${reasons.join('; ')}.`;
}

function dataSentence(
  data: DataFacts | null,
  signals: SignalsFacts | null,
  route: Route | null | undefined,
): string | null {
  const parts: string[] = [];
  if (data && data.files.length > 0) {
    const formats = [...new Set(data.files.map((f) => f.format))].sort();
    const withColumns = data.files.find((f) => f.columns && f.columns.length > 0);
    let part = `${plural(data.files.length, 'data file')} (${formats.join(', ')})`;
    if (withColumns?.columns) {
      const named = withColumns.columns.filter((c) => c.trim() !== '');
      const shown = named.slice(0, 5);
      const more = named.length > shown.length ? ` and ${named.length - shown.length} more` : '';
      part += `, e.g. ${withColumns.path} with columns ${more ? shown.join(', ') : list(shown)}${more}`;
    }
    parts.push(part);
  } else if (data) {
    parts.push('no data files committed');
  }
  if (data && data.references.length > 0) {
    parts.push(`${plural(data.references.length, 'place')} in the code that read data`);
  }
  if (data && data.downloadSteps.length > 0)
    parts.push(`${plural(data.downloadSteps.length, 'download step')}`);
  // The own-data route sentence already says how the data is collected.
  if (signals && signals.collection.length > 0 && route?.id !== 'own-data') {
    const libs = [...new Set(signals.collection.map((c) => `${c.library} (${c.kind})`))].sort();
    parts.push(`own data collection with ${list(libs.slice(0, 3))}`);
  }
  // A part that lists columns has commas of its own: the parts are then told apart by semicolons.
  const joined = parts.some((p) => p.replace(/\([^)]*\)/g, '').includes(','))
    ? parts.join('; ')
    : list(parts);
  return parts.length > 0 ? `Data: ${joined}.` : null;
}

const BUILD_LANGUAGES: ReadonlySet<string> = new Set(['Dockerfile', 'Makefile']);

function stackSentence(facts: Facts, signals: SignalsFacts | null): string | null {
  // Build files are not what a project is written in.
  const mix = Object.entries(languageMix(facts)).filter(([name]) => !BUILD_LANGUAGES.has(name));
  const totalBytes = mix.reduce((sum, [, bytes]) => sum + bytes, 0);
  const languages =
    totalBytes > 0
      ? mix
          .slice(0, 2)
          .map(([name, bytes]) => [name, Math.round((100 * bytes) / totalBytes)] as const)
          // A language under half a percent is not what the project is written in.
          .filter(([, share], i) => i === 0 || share > 0)
          .map(([name, share]) => `${name} ${share}%`)
      : [];
  const libraries = signals ? [...signals.stack].sort((a, b) => b.files - a.files).map((s) => s.library) : [];
  const unique = [...new Set(libraries)].slice(0, 6);
  if (languages.length === 0 && unique.length === 0) return null;
  const parts: string[] = [];
  if (languages.length > 0) parts.push(`written in ${list(languages)}`);
  if (unique.length > 0) parts.push(`using ${list(unique)}`);
  return `Stack: ${parts.join(', ')}.`;
}

function historySentence(
  git: GitFacts | null,
  isGitRepo: boolean | null,
  short: CheckResult | undefined,
): string | null {
  if (isGitRepo === false) return 'It is not a git repository, so there is no history to read.';
  if (!git) return null;
  if (git.empty) return 'The repository has no commits yet.';
  if (git.shallow) return 'It is a shallow clone, so how it was built over time is unknown.';
  const authors = git.authors.filter((a) => !a.isBot).length;
  const humans = git.humanCommitCount;
  const single = git.largestCommit && git.largestCommit.share >= 0.8 && git.spanDays < 1;
  if (humans <= 1 || single) {
    return `History: a single upload (${plural(git.commitCount, 'commit')}${git.spanDays < 1 ? ' on one day' : ''}).`;
  }
  // The one figure for the history's length; GIT102's red flag is told here, not repeated.
  const verdict = short?.outcome === 'fail' ? ', short of the six weeks a deep project takes' : '';
  return `History: ${plural(humans, 'commit')} over ${describeSpan(git.spanDays)} (${plural(git.activeDays, 'active day')}) by ${plural(Math.max(authors, 1), 'author')}${verdict}.`;
}

/**
 * Passes worth telling a hiring manager, most valuable first. Most checks pass by the absence of a
 * problem ("no retired Boston data"); those are not strengths. These pass only on evidence of
 * something done: data collected, a paper replicated, tests, a deployment, months of work.
 */
export const STRENGTHS: readonly string[] = [
  'SIG101', // collects its own data
  'SIG103', // replicates a paper
  'SIG105', // pretrained models on unstructured data
  'GIT102', // six weeks or more of history
  'INF106', // deployed
  'INF101', // tests
  'INF105', // an app or interface
  'RD106', // a baseline is stated
  'INF102', // CI
  'INF104', // a container
  'GIT103', // steady work over many days
  'RD105', // results stated
  'INF107', // one command reproduces it
  'GIT105', // branches and merges
  'SIG102', // data provenance written down
];

/** A check's weight in the overall verdict: severity within its principle, times the principle's weight. */
function importance(result: CheckResult): number {
  return SEVERITY_WEIGHT[result.severity] * (PRINCIPLE_WEIGHT[result.principle]?.weight ?? 0.5);
}

/** What a result says, in the check's own words when it left a specific message. */
function statement(result: CheckResult, outcome: 'pass' | 'fail'): string {
  const specific = result.findings.find((f) => f.outcome === outcome && f.messageId !== 'pass');
  return (specific ? specific.message : result.title).replace(/[.\s]+$/, '');
}

/** History checks whose story the history sentence already tells, with the same figure. */
const TOLD_BY_HISTORY = new Set(['GIT101', 'GIT102', 'GIT103']);

/**
 * The order a hiring manager reads red flags in: leaked credentials first, then whether the problem is
 * everyone's (stock dataset, capstone), whether it was built over time, whether it runs, then the rest.
 */
const RED_FLAG_FIRST = ['PY104'];
const PRINCIPLE_ORDER = [
  'original-problem',
  'one-deep-project',
  'runnable',
  'own-data',
  'value-over-decimals',
  'clean-code',
  'boring-skills',
  'new-tools',
];

function byRedFlagOrder(a: CheckResult, b: CheckResult): number {
  const first = (r: CheckResult) => (RED_FLAG_FIRST.includes(r.check) ? 0 : 1);
  const principle = (r: CheckResult) => {
    const i = PRINCIPLE_ORDER.indexOf(r.principle);
    return i < 0 ? PRINCIPLE_ORDER.length : i;
  };
  return first(a) - first(b) || principle(a) - principle(b) || byImportance(a, b);
}

function byImportance(a: CheckResult, b: CheckResult): number {
  return importance(b) - importance(a) || a.check.localeCompare(b.check);
}

/**
 * The paragraph a hiring manager would write after 30 seconds with the repository: the problem,
 * the data, the stack, how it was built, what stands out and the red flags. Only facts and check
 * results are used; a missing collector leaves its sentence out rather than guessing.
 */
export function writeSummary(
  facts: Facts,
  results: readonly CheckResult[],
  score: ScoreResult,
  route?: Route | null,
): Narrative {
  const tree = ok(facts.tree);
  const signals = ok(facts.signals);
  const rank = (r: CheckResult) => STRENGTHS.indexOf(r.check);
  const highlightResults = results
    .filter((r) => r.outcome === 'pass' && rank(r) >= 0)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, MAX_HIGHLIGHTS);
  const highlights = highlightResults.map((r) => statement(r, 'pass'));
  const redFlagResults = results.filter(isRedFlag).sort(byRedFlagOrder);
  const redFlags = redFlagResults.map((r) => statement(r, 'fail'));
  const history = historySentence(
    ok(facts.git),
    tree ? tree.isGitRepo : null,
    results.find((r) => r.check === 'GIT102'),
  );
  // The paragraph names one red flag per principle: "one commit" and "spans 0 days" are one story.
  const headline: string[] = [];
  const told = new Set<string>();
  for (const r of redFlagResults) {
    if (told.has(r.principle)) continue;
    if (history && TOLD_BY_HISTORY.has(r.check)) continue;
    told.add(r.principle);
    headline.push(statement(r, 'fail'));
  }

  const sentences = [
    problemSentence(ok(facts.readme)),
    dataSentence(ok(facts.data), signals, route),
    stackSentence(facts, signals),
    history,
  ].filter((s): s is string => s !== null);
  // After the facts, as the verdict they lead to; the README's opening stays first and apart.
  // A passage of the README is quoted once: the route and the strengths leave out what was said.
  const routeText = routeSentence(route, sentences.join(' '));
  if (routeText) sentences.push(routeText);
  // Check messages carry their own commas, so the lists are separated by semicolons.
  // The history sentence already gave the span and the days worked: not a second time here.
  const strengths = history
    ? highlightResults.filter((r) => !TOLD_BY_HISTORY.has(r.check))
    : highlightResults;
  const standout: string[] = [];
  for (const r of strengths.slice(0, 3)) {
    standout.push(quoteOnce(statement(r, 'pass'), [...sentences, ...standout].join(' '), false));
  }
  if (standout.length > 0) sentences.push(`Stands out: ${standout.join('; ')}.`);
  if (headline.length > 0) sentences.push(`Red flags: ${headline.slice(0, 3).join('; ')}.`);
  if (tree?.truncated) {
    sentences.push(
      `Only the first ${tree.files.length} files were read; the repository has more than the file limit.`,
    );
  }
  if (score.total === null && results.length > 0) {
    sentences.push('Too little could be decided to give a score.');
  }
  if (sentences.length === 0) sentences.push('Nothing could be read from this repository.');
  return { summary: sentences.join(' '), highlights, redFlags };
}
