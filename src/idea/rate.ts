import { UnherdError } from '../errors.js';
import { type Catalogue, loadCatalogue } from '../herd/catalogue.js';
import { languageProblem } from '../match/ad/language.js';
import { TOOL_VERSION } from '../version.js';
import { loadIdeaData } from './data.js';
import {
  type AspectRating,
  type Change,
  IDEA_SCHEMA_VERSION,
  type IdeaReport,
  type IdeaVerdict,
  type Match,
  type PretrainedRating,
} from './types.js';

/**
 * Rates a project idea before six weeks go into it, deterministically: the same words always
 * give the same score. The axes follow what the anchors agree on (Google's feasibility factors,
 * Andrew Ng's technical and business diligence, fast.ai's "data availability first", the portfolio
 * advice against stock datasets): originality, data, pretrained models, scope, a real user. The
 * points per axis are ours and say so.
 */

export const MAX = { originality: 30, data: 25, pretrained: 15, scope: 15, user: 15 } as const;
export const METHOD =
  'Our own points, not a standard: originality 30 (stock datasets, course capstones and overused topics of the herd catalogue), data 25 (collected by you beats a ready-made download), pretrained models 15 (a task with a model to start from), scope 15 (one question that fits six weeks), user 15 (a named person who would use it). go at 70 or more, revise from 45, else rethink.';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a phrase occurs on word boundaries, case-insensitively; the matched words or null. */
function find(text: string, phrase: string): string | null {
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegex(phrase).replace(/\s+/g, '[\\s-]+')}(?![\\p{L}\\p{N}])`,
    'iu',
  );
  return re.exec(text)?.[0] ?? null;
}

function datasetPhrases(name: string): string[] {
  return name
    .replace(/\([^)]*\)/g, '')
    .replace(/^(Kaggle|UCI|scikit-learn|sklearn|Keras|TensorFlow)\s+/i, '')
    .split(/\s+\/\s+/)
    .map((p) => p.trim())
    .filter((p) => p.length >= 4);
}

function originality(text: string, catalogue: Catalogue, vague: boolean): AspectRating {
  const matches: Match[] = [];
  for (const d of catalogue.datasets) {
    for (const p of [...datasetPhrases(d.name), ...(d.kaggle ?? []).filter((k) => k.includes('/'))]) {
      const hit = find(text, p);
      if (hit) {
        matches.push({ kind: 'stock-dataset', id: d.id, name: d.name, text: hit });
        break;
      }
    }
  }
  for (const c of catalogue.capstones) {
    const hit = (c.phrases ?? []).map((p) => find(text, p)).find((h) => h !== null);
    if (hit) matches.push({ kind: 'capstone', id: c.id, name: c.name, text: hit });
  }
  for (const t of catalogue.topics) {
    if (
      matches.some(
        (m) => m.kind === 'stock-dataset' && catalogue.datasets.find((d) => d.id === m.id)?.topic === t.id,
      )
    )
      continue;
    const hit = t.phrases.map((p) => find(text, p)).find((h) => h !== null);
    if (hit) matches.push({ kind: 'overused-topic', id: t.id, name: t.name, text: hit });
  }
  const stock = matches.filter((m) => m.kind !== 'overused-topic');
  if (stock.length > 0)
    return {
      score: 0,
      max: MAX.originality,
      matches,
      explanation: `built on ${stock.map((m) => `${m.name} ("${m.text}")`).join(', ')}: thousands of public projects start there, so a reader learns nothing about you from it`,
      advice:
        'Keep the method, change the data: ask the same kind of question about something you can collect yourself.',
    };
  if (matches.length > 0)
    return {
      score: 12,
      max: MAX.originality,
      matches,
      explanation: `an overused topic: ${matches.map((m) => `${m.name} ("${m.text}")`).join(', ')}`,
      advice:
        'Narrow the topic to a question only your data can answer — a place, a community, a niche nobody has analysed.',
    };
  if (vague)
    return {
      score: 15,
      max: MAX.originality,
      matches,
      explanation:
        'too vague to tell whether anyone has done it: no stock dataset or overused topic is named, but nothing specific either',
      advice:
        'Make it specific: which place, which people, which data — the specific is what makes it yours.',
    };
  return {
    score: MAX.originality,
    max: MAX.originality,
    matches,
    explanation: 'no stock dataset, course capstone or overused topic of the herd catalogue is named',
    advice: '',
  };
}

function data(text: string): AspectRating {
  const { signals } = loadIdeaData();
  const collect = (groups: typeof signals.collectable, kindOf: (k?: string) => string): Match[] =>
    groups.flatMap((g) =>
      g.phrases
        .map((p) => find(text, p))
        .filter((h): h is string => h !== null)
        .slice(0, 2)
        .map((h) => ({ kind: kindOf(g.kind), name: g.kind ?? 'source', text: h })),
    );
  const collectable = collect(signals.collectable, (k) => k ?? 'source');
  const ready = collect(signals.readyMade, () => 'ready-made');
  const strong = collectable.filter((m) => m.kind !== 'own-collection');
  const matches = [...collectable, ...ready];
  if (strong.length > 0)
    return {
      score: ready.length > 0 ? 20 : MAX.data,
      max: MAX.data,
      matches,
      explanation: `the data can be collected: ${strong.map((m) => `${m.kind} ("${m.text}")`).join(', ')}${ready.length > 0 ? `, though part of it is a ready-made download ("${ready[0]!.text}")` : ''}`,
      advice:
        ready.length > 0
          ? 'Make the collected data the heart of the project and the download only a comparison.'
          : '',
    };
  if (collectable.length > 0)
    return {
      score: 15,
      max: MAX.data,
      matches,
      explanation: `says the data will be gathered ("${collectable[0]!.text}") but not from where`,
      advice:
        'Name the source: which API, site, sensor or export, and how many records six weeks of collecting gives.',
    };
  if (ready.length > 0)
    return {
      score: 5,
      max: MAX.data,
      matches,
      explanation: `the data is a ready-made download ("${ready[0]!.text}"): cleaned by someone else, used by many`,
      advice:
        'Collect the data yourself — an API, polite scraping, a sensor, your own exports — and commit the collection script.',
    };
  return {
    score: 8,
    max: MAX.data,
    matches,
    explanation: 'does not say where the data comes from',
    advice:
      'Say where the data comes from and check you can get it this week: data availability decides more projects than models do.',
  };
}

function pretrained(text: string): PretrainedRating {
  const { tasks } = loadIdeaData();
  const found: PretrainedRating['tasks'] = [];
  for (const t of tasks) {
    const hit = t.keywords.map((k) => find(text, k)).find((h) => h !== null);
    if (hit) found.push({ id: t.id, name: t.name, summary: t.summary, models: t.models, text: hit });
  }
  const matches = found.map((t) => ({ kind: 'task', id: t.id, name: t.name, text: t.text }));
  const withModels = found.filter((t) => t.models.length > 0 && !t.id.startsWith('tabular'));
  if (withModels.length > 0)
    return {
      score: MAX.pretrained,
      max: MAX.pretrained,
      matches,
      tasks: found,
      explanation: `${withModels.map((t) => `${t.name} ("${t.text}")`).join(', ')} has pretrained models to start from, e.g. ${withModels[0]!.models.join(', ')}`,
      advice: '',
    };
  if (found.length > 0)
    return {
      score: 11,
      max: MAX.pretrained,
      matches,
      tasks: found,
      explanation: `a ${found.map((t) => t.name.toLowerCase()).join(', ')} task: classical models (gradient boosting) fit it better than pretrained ones`,
      advice:
        'Fine for tabular data; if the project has text or images, start from a pretrained model for that part and compare it with a simple baseline.',
    };
  return {
    score: 6,
    max: MAX.pretrained,
    matches,
    tasks: found,
    explanation: 'no machine-learning task is recognisable in the idea',
    advice:
      'Say what the model does (classify, detect, forecast, summarise…) so you can start from a pretrained model where one fits.',
  };
}

function scope(text: string, taskCount: number): AspectRating {
  const { signals } = loadIdeaData();
  const broad = signals.tooBroad.flatMap((g) =>
    g.phrases.map((p) => find(text, p)).filter((h): h is string => h !== null),
  );
  const vague = signals.vague.flatMap((g) =>
    g.phrases.map((p) => find(text, p)).filter((h): h is string => h !== null),
  );
  const words = text.split(/\s+/).filter((w) => w !== '').length;
  const matches = [
    ...broad.map((h) => ({ kind: 'too-broad', name: 'too broad', text: h })),
    ...vague.map((h) => ({ kind: 'vague', name: 'vague', text: h })),
  ];
  if (broad.length > 0 || taskCount >= 4)
    return {
      score: 5,
      max: MAX.scope,
      matches,
      explanation:
        broad.length > 0
          ? `too big for six weeks ("${broad.join('", "')}")`
          : `${taskCount} different ML tasks: too many for six weeks`,
      advice:
        'Cut it to one question and one model you can finish, show and explain in six weeks; list the rest as next steps.',
    };
  if (vague.length > 0 || words < 20)
    return {
      score: 8,
      max: MAX.scope,
      matches,
      explanation:
        vague.length > 0
          ? `too vague to plan ("${vague.join('", "')}")`
          : `${words} words: too short to tell what would be built`,
      advice: 'Write the one question the project answers and the number that would show it worked.',
    };
  return {
    score: MAX.scope,
    max: MAX.scope,
    matches,
    explanation: 'one focused question that fits six weeks',
    advice: '',
  };
}

function user(text: string): AspectRating {
  const { signals } = loadIdeaData();
  const hits = signals.users
    .map((u) => new RegExp(u.pattern, 'iu').exec(text)?.[0])
    .filter((h): h is string => h !== undefined);
  const matches = hits.map((h) => ({ kind: 'user', name: 'named user', text: h.trim() }));
  if (hits.length > 0)
    return {
      score: MAX.user,
      max: MAX.user,
      matches,
      explanation: `names who would use it ("${hits[0]!.trim()}")`,
      advice: '',
    };
  return {
    score: 0,
    max: MAX.user,
    matches,
    explanation: 'names nobody who would use the result',
    advice:
      'Find one real person (a club, a shop, a team, a researcher) who would use the result, ask them what decision it would change, and build for them.',
  };
}

function verdictOf(score: number): IdeaVerdict {
  if (score >= 70) return 'go';
  if (score >= 45) return 'revise';
  return 'rethink';
}

/** Rates one idea; the same text always gives the same report. */
export function rateIdea(idea: string, catalogueFiles: readonly string[] = []): IdeaReport {
  const text = idea.replace(/\s+/g, ' ').trim();
  // The phrases that score an idea are English: another language would score as "vague", wrongly.
  const language = languageProblem(text, 'idea');
  if (language) throw new UnherdError('USAGE', language);
  const catalogue = loadCatalogue(catalogueFiles);
  const d = data(text);
  const p = pretrained(text);
  const s = scope(text, p.tasks.length);
  const o = originality(
    text,
    catalogue,
    s.score < MAX.scope && s.matches.every((m) => m.kind !== 'too-broad')
      ? true
      : s.matches.some((m) => m.kind === 'vague'),
  );
  const u = user(text);
  const score = o.score + d.score + p.score + s.score + u.score;
  const aspects = { originality: o, data: d, pretrained: p, scope: s, user: u } as const;
  const changes: Change[] = (Object.keys(aspects) as (keyof typeof aspects)[])
    .map((aspect) => ({
      aspect,
      advice: aspects[aspect].advice,
      gain: aspects[aspect].max - aspects[aspect].score,
    }))
    .filter((c) => c.gain > 0 && c.advice !== '')
    .sort((a, b) => b.gain - a.gain)
    .slice(0, 3);
  return {
    schemaVersion: IDEA_SCHEMA_VERSION,
    tool: { name: 'unherd', version: TOOL_VERSION },
    idea: text,
    score,
    verdict: verdictOf(score),
    originality: o,
    data: d,
    pretrained: p,
    scope: s,
    user: u,
    changes,
    method: METHOD,
  };
}
