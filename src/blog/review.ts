import type { CheckResult, Finding } from '../checks/types.js';

import type { Limits } from '../limits.js';
import { type PrincipleScore, scoreChecks } from '../scoring/policy.js';
import { TOOL_VERSION } from '../version.js';
import { saturatedTopic } from './checks/BLG103-saturated-topic.js';
import type { AnyBlogCheck } from './checks/define.js';
import { runBlogCheck } from './checks/define.js';
import { BLOG_CHECKS } from './checks/index.js';
import { type LoadedPost, readPosts } from './post.js';
import type { PostFacts } from './types.js';

/** Version of the blog JSON contract (schema/blog.schema.json); a minor bump only adds fields. */
export const BLOG_SCHEMA_VERSION = '1.0.0';

export interface PostFactsSummary {
  format: PostFacts['format'];
  title: string | null;
  date: string | null;
  words: number;
  readingMinutes: number;
  grade: number | null;
  headings: number;
  links: { ownWork: number; external: number; internal: number; invalid: number };
  images: number;
  codeBlocks: number;
  ownHandles: string[];
  tags: string[];
}

export interface PostReview {
  path: string;
  /** 0–100, or null when the post could not be reviewed. */
  score: number | null;
  principles: PrincipleScore[];
  excludedPrinciples: { principle: string; reason: string }[];
  findings: Finding[];
  checks: CheckResult[];
  /** Why the post was not reviewed; null when it was. */
  error: string | null;
  /** Not reviewed because it is outside what the checks can judge (another language), not because it is bad. */
  unsupported: boolean;
  /** Parts that could not be read (a broken image output, a truncated read). */
  problems: string[];
  facts: PostFactsSummary | null;
}

export interface BlogOverview {
  posts: number;
  reviewed: number;
  notReviewed: number;
  meanScore: number | null;
  /** Tags and saturated topics, most frequent first. */
  topics: { topic: string; posts: number }[];
  ownWorkPosts: number;
  genericPosts: number;
  cadence: {
    first: string | null;
    last: string | null;
    dated: number;
    perMonth: { month: string; posts: number }[];
    medianGapDays: number | null;
  };
}

export interface BlogReport {
  schemaVersion: string;
  tool: { name: 'unherd'; version: string };
  posts: PostReview[];
  /** For more than one post: the blog as a whole. */
  overview: BlogOverview | null;
  notes: string[];
}

function summarise(f: PostFacts): PostFactsSummary {
  const count = (kind: string) => f.links.filter((l) => l.kind === kind).length;
  return {
    format: f.format,
    title: f.title,
    date: f.date,
    words: f.words,
    readingMinutes: f.readingMinutes,
    grade: f.prose.grade,
    headings: f.headings.length,
    links: {
      ownWork: count('own-work'),
      external: count('external'),
      internal: count('internal'),
      invalid: count('invalid'),
    },
    images: f.images.length,
    codeBlocks: f.codeBlocks.length,
    ownHandles: f.ownHandles,
    tags: f.tags,
  };
}

/** Runs every blog check on one post's facts and scores it. Pure. */
export function reviewPost(loaded: LoadedPost, checks: readonly AnyBlogCheck[] = BLOG_CHECKS): PostReview {
  if (!loaded.facts) {
    return {
      path: loaded.path,
      score: null,
      principles: [],
      excludedPrinciples: [],
      findings: [],
      checks: [],
      error: loaded.error,
      unsupported: loaded.unsupported,
      problems: [],
      facts: null,
    };
  }
  const results = checks.map((c) => runBlogCheck(c, loaded.facts!));
  const scored = scoreChecks(results, 'post');
  const findings = results
    .flatMap((r) => r.findings)
    .sort((a, b) => a.principle.localeCompare(b.principle) || a.check.localeCompare(b.check));
  return {
    path: loaded.path,
    score: scored.total,
    principles: scored.principles,
    excludedPrinciples: scored.excluded,
    findings,
    checks: results,
    error: null,
    unsupported: false,
    problems: loaded.facts.problems,
    facts: summarise(loaded.facts),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

function failed(review: PostReview, code: string): boolean {
  return review.checks.some((c) => c.check === code && c.outcome === 'fail');
}

function passed(review: PostReview, code: string): boolean {
  return review.checks.some((c) => c.check === code && c.outcome === 'pass');
}

/** The blog as a whole: what it covers, how much is about the author's own work, how often they post. */
export function overview(reviews: readonly PostReview[], facts: readonly (PostFacts | null)[]): BlogOverview {
  const reviewed = reviews.filter((r) => r.score !== null);
  const topics = new Map<string, number>();
  for (const f of facts) {
    if (!f) continue;
    const mine = new Set(f.tags.map((t) => t.toLowerCase()));
    const sat = saturatedTopic([f.title ?? '', ...f.tags]);
    if (sat) mine.add(sat.title);
    for (const t of mine) topics.set(t, (topics.get(t) ?? 0) + 1);
  }
  const dates = facts
    .map((f) => f?.date ?? null)
    .filter((d): d is string => d !== null)
    .sort();
  const perMonth = new Map<string, number>();
  for (const d of dates) perMonth.set(d.slice(0, 7), (perMonth.get(d.slice(0, 7)) ?? 0) + 1);
  const gaps = dates.slice(1).map((d, i) => Math.round((Date.parse(d) - Date.parse(dates[i]!)) / 86_400_000));
  const own = reviewed.filter((r) => (passed(r, 'BLG102') || passed(r, 'BLG101')) && !failed(r, 'BLG103'));
  return {
    posts: reviews.length,
    reviewed: reviewed.length,
    notReviewed: reviews.length - reviewed.length,
    meanScore:
      reviewed.length > 0
        ? Math.round(reviewed.reduce((s, r) => s + (r.score ?? 0), 0) / reviewed.length)
        : null,
    topics: [...topics.entries()]
      .map(([topic, posts]) => ({ topic, posts }))
      .sort((a, b) => b.posts - a.posts || a.topic.localeCompare(b.topic))
      .slice(0, 20),
    ownWorkPosts: own.length,
    genericPosts: reviewed.length - own.length,
    cadence: {
      first: dates[0] ?? null,
      last: dates[dates.length - 1] ?? null,
      dated: dates.length,
      perMonth: [...perMonth.entries()].map(([month, posts]) => ({ month, posts })),
      medianGapDays: median(gaps),
    },
  };
}

/** Reads and reviews every post named (files or blog folders). Never throws for one bad post. */
export async function reviewBlog(inputs: readonly string[], limits?: Limits): Promise<BlogReport> {
  const { posts, notes } = await readPosts(inputs, limits);
  const reviews = posts.map((p) => reviewPost(p));
  return {
    schemaVersion: BLOG_SCHEMA_VERSION,
    tool: { name: 'unherd', version: TOOL_VERSION },
    posts: reviews,
    overview:
      posts.length > 1
        ? overview(
            reviews,
            posts.map((p) => p.facts),
          )
        : null,
    notes,
  };
}
