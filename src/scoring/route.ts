import type { HerdDetection, HerdFacts } from '../collectors/herd/types.js';
import type { InfraFacts } from '../collectors/infra/types.js';
import type { ReadmeFacts } from '../collectors/readme/types.js';
import type { SignalsFacts } from '../collectors/signals/types.js';
import type { TreeFacts } from '../collectors/tree/types.js';
import { dataCollection, hasCustomData, replication, toolOrPipeline } from '../engine/route-facts.js';
import type { Collected, CollectorName, Facts } from '../facts.js';

/**
 * The route a project takes out of the herd (docs/adr/0009-routes.md). Routes are alternatives:
 * a project needs one done well, and is judged by the one it took.
 */
export type RouteId =
  | 'replication'
  | 'tool-pipeline'
  | 'own-data'
  | 'original-question'
  | 'herd'
  | 'none-yet';

export const ROUTE_IDS: readonly RouteId[] = [
  'replication',
  'tool-pipeline',
  'own-data',
  'original-question',
  'herd',
  'none-yet',
];

/** How reports name each route, as the end of "It takes …". */
export const ROUTE_TITLES: Record<RouteId, string> = {
  replication: 'a paper replication',
  'tool-pipeline': 'a tool or pipeline',
  'own-data': 'its own data',
  'original-question': 'an original question',
  herd: 'the herd',
  'none-yet': 'no route out of the herd yet',
};

/** The route as published in the report: which one, and the facts that decided it. */
export interface Route {
  id: RouteId;
  reasons: string[];
}

/**
 * The route with what the checks need to judge a project on it: which stock datasets are the
 * replicated paper's benchmarks, and whether the project claims a model at all.
 */
export interface RouteDecision extends Route {
  /** Stock datasets expected on this route (a replication's benchmark); their ids. */
  expectedDatasets: string[];
  /**
   * The project trains or evaluates a model (a modelling library in its code, or a metric in its
   * README); null when the facts to say are missing. A project with no model has no model metric
   * to report.
   */
  claimsModel: boolean | null;
  /** A replication that trains as the paper does, from scratch (no pretrained weights loaded). */
  trainsFromScratch: boolean;
  /** A replication that sets its numbers beside the paper's reported ones. */
  comparesWithPaper: boolean;
  /** The README states the project's question (a problem section or an opening of some substance). */
  questionStated: boolean;
}

/** The collectors the route is decided from; the engine collects them whatever checks run. */
export const ROUTE_NEEDS: readonly CollectorName[] = [
  'tree',
  'python',
  'readme',
  'manifests',
  'infra',
  'signals',
  'herd',
];

/** The same threshold the herd checks use by default: below it a detection is a guess. */
const SURE = 0.6;
/** A stock dataset this certain counts towards the herd route even when used on the side. */
const CERTAIN = 0.9;
/** Words of problem statement that count as the README stating a question (as RD104). */
const QUESTION_WORDS = 25;
const MODEL_ROLES = new Set(['ml', 'dl', 'time-series']);
/** Plain HTTP clients: with a stock dataset as the flagship they most likely download it. */
export const PLAIN_HTTP: ReadonlySet<string> = new Set([
  'requests',
  'httpx',
  'urllib',
  'urllib.request',
  'urllib3',
  'aiohttp',
]);

function ok<T>(collected: Collected<T> | undefined): T | null {
  return collected?.status === 'ok' ? collected.data : null;
}

const quote = (text: string, max = 90) => {
  const flat = text.replace(/\s+/g, ' ').replace(/…$/, '').trim();
  if (flat.length <= max) return `"${flat}"`;
  const cut = flat.slice(0, max);
  return `"${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:]+$/, '')}…"`;
};

const names = (items: readonly { name: string }[]) => [...new Set(items.map((i) => i.name))].join(', ');

interface HerdView {
  flagships: HerdDetection[];
  /** Stock datasets used only on the side but without doubt: herd when nothing else is there. */
  onTheSide: HerdDetection[];
  capstones: HerdDetection[];
  topics: HerdDetection[];
  boston: boolean;
}

/** An overused topic this likely counts when the project's own model predicts it (a house-price regressor). */
const TOPIC_OF_A_MODEL = 0.5;

function herdView(
  herd: {
    stockDatasets: HerdDetection[];
    capstones: HerdDetection[];
    topics: HerdDetection[];
  },
  model: boolean | null,
  questionStated: boolean,
) {
  const sure = (d: HerdDetection) => d.confidence >= SURE && d.role === 'flagship';
  // A stock dataset on the side is the whole story when the README states no question of its own.
  const aside = questionStated ? CERTAIN : SURE;
  return {
    flagships: herd.stockDatasets.filter(sure),
    onTheSide: herd.stockDatasets.filter((d) => d.role === 'secondary' && d.confidence >= aside),
    capstones: herd.capstones.filter(sure),
    // The stock question is what a model on an overused topic answers, even when the topic is only
    // likely: a house-price regressor behind an MLOps stack still predicts house prices.
    topics: herd.topics.filter((d) => sure(d) || (model === true && d.confidence >= TOPIC_OF_A_MODEL)),
    boston: herd.stockDatasets.some((d) => d.id === 'boston'),
  } satisfies HerdView;
}

/** A recognised replication (the published `replication` fact), in words; null when it is none. */
function replicationEvidence(signals: SignalsFacts, hasOwnCode: boolean): string[] | null {
  const fact = replication(signals, hasOwnCode);
  // A claim to replicate a paper, tied to a paper by its wording, with code of its own: the route is
  // the replication even when the citation is in a form the facts do not read (a ReScience article).
  if (!fact || !hasOwnCode || !(fact.recognised || fact.claimsReplication)) return null;
  const claim = signals.replicationPhrases[0];
  const reasons = [
    fact.papers.length > 0
      ? `cites ${fact.papers.slice(0, 2).join(', ')}`
      : 'names the paper in a form not recognised as a citation',
    claim ? `says it replicates it: ${quote(claim.text)}` : 'says it replicates it',
  ];
  const comparison = signals.paperComparisons[0];
  reasons.push(
    comparison
      ? `sets its numbers beside the paper's: ${quote(comparison.text)}`
      : "does not yet set its numbers beside the paper's",
  );
  return reasons;
}

function claimsModel(signals: SignalsFacts | null, readme: ReadmeFacts | null): boolean | null {
  if (!signals && !readme) return null;
  if (readme && readme.metrics.length > 0) return true;
  if (signals?.stack.some((s) => MODEL_ROLES.has(s.role))) return true;
  if (signals && signals.cookieCutterNotebooks.length > 0) return true;
  if (signals?.pretrainedModels.some((m) => !m.hosted)) return true;
  return signals ? false : null;
}

/** Pipelines that track or version a model's experiments: an ML project's tooling, not its output. */
const MODEL_TOOLING = new Set(['mlflow', 'dvc', 'wandb']);

/**
 * What the project builds that others run (the published `toolOrPipeline` fact), in words: a
 * command, a workflow, a scraper framework, or an installable package that trains no model. A
 * model project with experiment tracking or a cookiecutter `setup.py` is not a tool.
 */
function toolEvidence(
  tree: TreeFacts | null,
  infra: InfraFacts | null,
  signals: SignalsFacts | null,
  model: boolean | null,
): string[] {
  const fact = toolOrPipeline(signals, infra);
  const reasons: string[] = [];
  if (!fact) return reasons;
  const commands = infra?.entryPoints.filter((e) => e.kind === 'console-script') ?? [];
  if (commands.length > 0) {
    reasons.push(
      `installs the command${commands.length > 1 ? 's' : ''} ${commands
        .slice(0, 3)
        .map((c) => `\`${c.detail ?? c.path}\``)
        .join(', ')} (${commands[0]!.path})`,
    );
  } else {
    // A named command of a package (not a script that parses its arguments: every project has those).
    const named = fact.cliEntryPoints.filter((c) => !c.includes('/') && !c.includes(' '));
    if (named.length > 0 && fact.package) {
      reasons.push(
        `offers the command ${named
          .slice(0, 2)
          .map((c) => `\`${c}\``)
          .join(', ')}`,
      );
    }
  }
  const workflows = fact.pipelines.filter((p) => !MODEL_TOOLING.has(p));
  if (workflows.length > 0) reasons.push(`runs as a pipeline (${workflows.slice(0, 2).join(', ')})`);
  const dbt = tree?.files.find((f) => /(^|\/)dbt_project\.ya?ml$/.test(f.path));
  if (dbt && !workflows.includes('dbt')) reasons.push(`is a dbt project (${dbt.path})`);
  // A scraper framework's output is data: the own-data route judges it, not the tool route.
  if (reasons.length === 0 && fact.package && fact.importableModules > 0 && model === false) {
    reasons.push(`is an installable package (${fact.importableModules} modules) that trains no model`);
  }
  return reasons;
}

function statedQuestion(readme: ReadmeFacts | null): string | null {
  if (!readme?.present) return null;
  const section = readme.sections.find((s) => s.kind === 'problem' && s.words >= QUESTION_WORDS);
  if (section)
    return `states its question in the README's "${section.title}" section (${section.words} words)`;
  const intro = readme.intro ?? '';
  if (intro.split(/\s+/).filter(Boolean).length >= QUESTION_WORDS) {
    return `opens its README with its question: ${quote(intro, 80)}`;
  }
  return null;
}

function herdReasons(view: HerdView): string[] {
  const reasons: string[] = [];
  if (view.flagships.length > 0) reasons.push(`is built on ${names(view.flagships)}, a stock dataset`);
  else if (view.onTheSide.length > 0) reasons.push(`uses ${names(view.onTheSide)}, a stock dataset`);
  if (view.capstones.length > 0) reasons.push(`is the ${names(view.capstones)}, a course capstone`);
  if (view.topics.length > 0) reasons.push(`is about ${names(view.topics)}, an overused topic`);
  if (view.boston) reasons.push('uses the retired Boston Housing data');
  return reasons;
}

/**
 * Decides the route from facts alone, in one place. Order matters: a replication uses a stock
 * benchmark on purpose, so it is looked for before the herd; a tool or own data beat a stock
 * dataset used on the side; a stock dataset, capstone or overused topic as the flagship makes a
 * project herd however tidy it is; only then does a stated question of its own count.
 */
export function deriveRoute(facts: Facts): RouteDecision {
  const tree = ok(facts.tree);
  const readme = ok(facts.readme);
  const signals = ok(facts.signals);
  const herd = ok(facts.herd);
  const infra = ok(facts.infra);
  const python = ok(facts.python);
  const model = claimsModel(signals, readme);
  const question = statedQuestion(readme);
  const view = herd
    ? herdView(herd, model, question !== null)
    : { flagships: [], onTheSide: [], capstones: [], topics: [], boston: false };
  const unseen: string[] = [];
  if (!signals) unseen.push('code signals');
  if (!herd) unseen.push('the herd catalogue');
  const decide = (id: RouteId, reasons: string[], extra: Partial<RouteDecision> = {}): RouteDecision => ({
    id,
    reasons:
      unseen.length > 0 ? [...reasons, `was judged without ${unseen.join(' or ')} (not available)`] : reasons,
    expectedDatasets: [],
    claimsModel: model,
    trainsFromScratch: false,
    comparesWithPaper: false,
    questionStated: question !== null,
    ...extra,
  });

  const ownCode =
    (python?.files.length ?? 0) > 0 ||
    ['R', 'Julia', 'SQL', 'Stata'].some((l) => (tree?.languageBytes[l] ?? 0) > 0);
  const replicated = signals && view.capstones.length === 0 ? replicationEvidence(signals, ownCode) : null;
  if (signals && replicated) {
    const benchmarks = herd?.stockDatasets.filter((d) => d.confidence >= SURE) ?? [];
    const reasons = [...replicated];
    if (benchmarks.length > 0) {
      reasons.push(`uses ${names(benchmarks)} as the paper's benchmark, which a replication is expected to`);
    }
    // Only the published fact: text or image handling alone (an R study's documents) trains nothing.
    const fromScratch = signals.trainsFromScratch != null;
    if (fromScratch) reasons.push('trains from scratch, as the paper does');
    return decide('replication', reasons, {
      expectedDatasets: benchmarks.map((d) => d.id),
      trainsFromScratch: fromScratch,
      comparesWithPaper: signals.paperComparisons.length > 0,
    });
  }

  const herdish = herdReasons(view);
  const tool = toolEvidence(tree, infra, signals, model);
  // A workflow that trains the project's own model runs its analysis (a study's Snakemake, a dbt
  // model feeding a regressor): its output is the analysis, so the data and question decide the
  // route. A command others install, or a package, is a tool whatever it trains.
  const analysisPipeline =
    model === true &&
    tool.length > 0 &&
    tool.every((r) => r.startsWith('runs as a pipeline') || r.startsWith('is a dbt project'));
  const pipelineNote = analysisPipeline
    ? [
        `${tool[0]!.replace(/^runs as a pipeline/, 'runs its analysis as a pipeline').replace(/^is a dbt project/, 'builds its data with dbt')}`,
      ]
    : [];
  // A model on a stock dataset or an overused topic behind a package or a command is still herd.
  const stockQuestion = view.flagships.length + view.capstones.length + view.topics.length > 0 || view.boston;
  if (tool.length > 0 && !stockQuestion && !analysisPipeline) {
    return decide('tool-pipeline', [
      ...tool,
      model
        ? 'offers the tool itself as its output'
        : 'claims no model: its output is the tool, not a metric',
    ]);
  }

  const own = signals ? ownDataEvidence(signals, herd, view) : [];
  if (own.length > 0) return decide('own-data', [...own, ...pipelineNote]);

  if (herdish.length > 0) {
    const shape = signals?.cookieCutterNotebooks[0];
    return decide('herd', [
      ...herdish,
      ...(shape ? [`has the stock load → split → fit → score shape in ${shape.file}`] : []),
      'has no own data, replication or tool to take it off the stock question',
    ]);
  }

  const hasWork = ownCode || (tree?.files.some((f) => f.kind === 'data' || f.kind === 'notebook') ?? false);
  // Not herd, and the facts show work: a question of its own, even when there is no README to
  // state it yet (RD104 and the README checks ask for that). Nothing to read at all is no route yet.
  if (question || hasWork) {
    return decide('original-question', [
      'has no stock dataset, course capstone or overused topic as its flagship',
      ...pipelineNote,
      question ??
        (readme?.present
          ? 'does not state its question in the README yet'
          : 'has no README to state its question yet'),
    ]);
  }
  return decide('none-yet', [
    'collects no data of its own, replicates no paper and builds no tool',
    'has no code, notebook or data to show a question of its own',
  ]);
}

/** The author's own data (the published `customData` fact), in words; empty when there is none. */
function ownDataEvidence(signals: SignalsFacts, herd: HerdFacts | null, view: HerdView): string[] {
  if (view.capstones.length > 0) return []; // a capstone's labs are the course's data
  const counted = dataCollection(signals, herd).filter(
    // A plain HTTP client beside a stock flagship or an overused topic most likely fetches the stock
    // data or calls the project's own service.
    (c) => c.counted && !(view.flagships.length + view.topics.length > 0 && PLAIN_HTTP.has(c.method)),
  );
  if (counted.length > 0) {
    const methods = [...new Set(counted.map((c) => `${c.method} (${c.kind})`))].slice(0, 3);
    return [`collects data with ${methods.join(', ')} (${counted[0]!.file})`];
  }
  const documented = signals.provenance.find((p) => p.ownCollection);
  if (documented && view.flagships.length === 0 && hasCustomData([], signals, herd)) {
    return [`says the author gathered the data: ${quote(documented.text)}`];
  }
  return [];
}

/** The route as the report publishes it. */
export function publishedRoute(decision: RouteDecision): Route {
  return { id: decision.id, reasons: decision.reasons };
}
