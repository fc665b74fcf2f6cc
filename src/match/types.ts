/** The JSON contract of `unherd match` (schema/match.schema.json). Bump minor for additions. */
export const MATCH_SCHEMA_VERSION = '1.0.0';

export type ItemKind = 'required' | 'nice';
export type ItemCategory = 'tool' | 'skill' | 'experience' | 'degree' | 'domain' | 'soft' | 'other';
export type CoverageStatus = 'covered' | 'partial' | 'missing';
export type Verdict = 'apply' | 'stretch' | 'not-yet' | 'unknown';
export type InterviewFocus =
  | 'algorithms-coding'
  | 'system-design'
  | 'ml-theory'
  | 'statistics'
  | 'sql'
  | 'case-study'
  | 'research-papers'
  | 'behavioural';

/** One place in the portfolio that shows a skill. */
export interface Evidence {
  repo: string;
  /** Repository-relative file, when the evidence is in a file. */
  file?: string;
  line?: number;
  /** 0-based notebook cell. */
  cell?: number;
  /** A commit hash, when the evidence is the history. */
  commit?: string;
  /** What was seen, in a few words ("import torch", "Dockerfile", "README mentions it"). */
  detail: string;
  /** How strong: code/config shows it, or it is only mentioned or only related. */
  strength: 'covered' | 'partial';
}

export interface RequirementItem {
  /** `r1`, `r2`… in the ad's order. */
  id: string;
  /** The span of the ad the item came from (shared by items split from one list). */
  text: string;
  /** 1-based line of the ad's text (of the posting text extracted from a page). */
  line: number;
  kind: ItemKind;
  category: ItemCategory;
  /** Canonical skill ids (the vocabulary's) the item names. */
  skills: string[];
  /** False for what repositories cannot show: years, degrees, soft skills, location, authorisation. */
  judgeable: boolean;
  /** Null when not judgeable. */
  status: CoverageStatus | null;
  evidence: Evidence[];
  /** Why the item is not judgeable, or how its status was reached. */
  note?: string;
}

export interface InterviewPrep {
  focus: InterviewFocus;
  /** The sentence of the ad that implies it. */
  text: string;
  line: number;
  advice: string;
}

export interface NextProject {
  id: string;
  name: string;
  advice: string;
  /** Ids of the missing required items it would cover. */
  covers: string[];
}

export interface AdReport {
  path: string;
  title: string | null;
  company: string | null;
  /** Where the text came from: the page's JSON-LD JobPosting, its main article, or the file as text. */
  source: 'json-ld' | 'article' | 'text' | null;
  /** 1-based position in the ranking (1 = best fit); null for an ad that could not be read. */
  rank: number | null;
  requirements: RequirementItem[];
  /** (covered + ½ partial) / required judgeable items; null when there are none. */
  coverage: number | null;
  verdict: Verdict;
  /** Why this verdict, in one sentence. */
  reason: string;
  /** Required judgeable items with status missing. */
  missing: { id: string; text: string; skills: string[] }[];
  nextProject: NextProject | null;
  interview: InterviewPrep[];
  /** Why the ad could not be read (empty, binary, not English, no posting on the page), or null. */
  error: string | null;
}

export interface PortfolioRepo {
  path: string;
  name: string;
  /** The audit's 0–100 score, for context. */
  score: number | null;
  error: string | null;
}

export interface MatchReport {
  schemaVersion: string;
  tool: { name: 'unherd'; version: string };
  portfolio: PortfolioRepo[];
  /** Ranked: best fit first; unreadable ads last. */
  ads: AdReport[];
  /** Where the verdict thresholds come from. */
  heuristic: string;
}
