/** The portfolio view: what several repositories of one person say together. */

export interface FlagshipProject {
  name: string;
  path: string;
  score: number | null;
  commitCount: number;
  spanDays: number;
  activeDays: number;
  /** Why this one: the plain-words reason shown in reports. */
  reason: string;
}

/**
 * concentrated: one project holds most of the work; spread: effort is split over several short
 * projects; single: only one repository; unknown: no history to judge.
 */
export type EffortShape = 'concentrated' | 'spread' | 'single' | 'unknown';

export interface EffortView {
  shape: EffortShape;
  /** Share (0–1) of all active days that went into the flagship; null without history. */
  flagshipShare: number | null;
  /** Repositories built in a weekend or less (span ≤ 3 days or ≤ 2 active days), by name. */
  weekendRepos: string[];
  note: string;
}

/** A stack of libraries that several repositories share. */
export interface RepeatedStack {
  libraries: string[];
  repos: string[];
}

export interface CookieCutterRepo {
  repo: string;
  notebooks: string[];
}

export interface RepetitionView {
  /** The most repeated library combination, when three or more libraries recur in two or more repos. */
  stack: RepeatedStack | null;
  /** Repositories whose notebooks have the pandas → sklearn → score shape. */
  cookieCutter: CookieCutterRepo[];
  note: string;
}

export interface DomainHit {
  /** Stable id from the domain lexicon: health, finance, sports … */
  domain: string;
  label: string;
  repos: string[];
  /** The words that matched, sorted. */
  terms: string[];
}

export interface DomainView {
  /** The domain that recurs in at least two repositories and most of them, or null. */
  focus: string | null;
  domains: DomainHit[];
  note: string;
}

export interface PortfolioGap {
  id: string;
  /** Higher is more valuable to fix; gaps are sorted by it. */
  value: number;
  title: string;
  advice: string;
}

export interface Portfolio {
  /** Repositories the view is built from (those that could be audited). */
  repos: string[];
  flagship: FlagshipProject | null;
  effort: EffortView;
  repetition: RepetitionView;
  domains: DomainView;
  /** What the portfolio as a whole still lacks, most valuable first. */
  gaps: PortfolioGap[];
  summary: string;
}
