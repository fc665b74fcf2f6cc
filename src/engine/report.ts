import type { CheckResult, Finding, Severity } from '../checks/types.js';
import type { NeighboursReport } from '../herd/similarity/types.js';
import type { Portfolio } from '../portfolio/types.js';
import type { PrincipleId } from '../principles.js';
import type { PrincipleScore } from '../scoring/policy.js';
import type { Route, RouteId } from '../scoring/route.js';

/** Version of the JSON contract (schema/report.schema.json). Bump minor for additions, major for breaks. */
export const SCHEMA_VERSION = '1.4.0';

/** A herd-catalogue detection as published: what it is, how sure, and where to look. */
export interface HerdSummary {
  id: string;
  name: string;
  /** 0–1. */
  confidence: number;
  /** flagship: the project is built on it; secondary: used on the side (a teaching notebook). */
  role: 'flagship' | 'secondary';
  evidence: { file?: string; line?: number; cell?: number; signal: string; detail: string }[];
}

/** The facts exposed in the JSON contract: a stable, flat projection of the collected facts. */
export interface FactsSummary {
  git: {
    isRepo: boolean;
    shallow: boolean;
    commitCount: number;
    spanDays: number;
    activeDays: number;
    authors: { name: string; emails: string[]; commits: number; bot: boolean }[];
    botCommits: number;
    mergeCommits: number;
    branches: number;
    /** ISO 8601 author date of the first and last commit. */
    firstCommit: string | null;
    lastCommit: string | null;
    /** Why history was read only in part (missing objects), or null. */
    incomplete: string | null;
    /** The branch the counts describe: HEAD's branch (the default branch of a fresh clone); null when detached (since 1.2.0). */
    defaultBranch?: string | null;
    /** Other branches, with their commits not on the default branch (since 1.2.0). */
    otherBranches?: { name: string; commitsAhead: number }[];
    /** Bot identities and their commits on the default branch (since 1.2.0). */
    bots?: { name: string; commits: number }[];
  } | null;
  readme: {
    present: boolean;
    path: string | null;
    words: number;
    sections: string[];
    runInstructions: boolean;
    /** Where run instructions were found: the README, or a single-project subfolder's README (since 1.2.0). */
    runInstructionsIn?: string | null;
  };
  languages: Record<string, number>;
  files: number;
  /** The listing stopped at the file limit; only the first files were analysed. */
  filesTruncated?: boolean;
  notebooks: number;
  dependencyManifests: string[];
  pinnedDependencies: boolean;
  undeclaredImports: string[];
  tests: boolean;
  dockerfile: boolean;
  ci: boolean;
  webApps: string[];
  deploymentConfigs: string[];
  notebookOnly: boolean;
  pythonModules: number;
  dataFiles: number;
  /**
   * Large folders of like data files of which only a sample was read (since 1.4.0); absent when
   * every data file was read. The other files of the folder are counted in `dataFiles` by name.
   */
  dataSampled?: { folder: string; extension: string; files: number; read: number }[];
  /** The author's code gathers data from an outside source, or the author recorded it (docs/facts.md). */
  customData: boolean;
  /** Counted collection that scrapes pages or calls an outside API. */
  scrapingOrApi: boolean;
  /** Every collection site found, counted or not, and why not (since 1.2.0). */
  dataCollection?: {
    method: string;
    kind: string;
    file: string;
    line?: number;
    counted: boolean;
    reason?: string;
  }[];
  /** Papers cited: arXiv ids, DOIs, paper links, `citation:author-year`, `title:slug`. */
  paperReferences: string[];
  /** The facts that make a paper replication (since 1.2.0). */
  replication?: {
    /** Claims a replication, cites the paper and has code of its own. */
    recognised: boolean;
    /** A sentence says it replicates, reproduces or re-implements a paper (or a ReScience / reproducibility-challenge write-up). */
    claimsReplication: boolean;
    citesPaper: boolean;
    /** Sets its numbers beside the paper's reported ones. */
    comparesWithPaper: boolean;
    /** Trains its models from scratch rather than from pretrained weights. */
    trainsFromScratch: boolean;
    papers: string[];
    evidence: {
      signal: 'claim' | 'paper' | 'comparison' | 'from-scratch';
      detail: string;
      file: string;
      line?: number;
      cell?: number;
    }[];
  };
  /** The facts that make a tool or pipeline project (since 1.2.0). */
  toolOrPipeline?: {
    /** An installable package with importable modules, a pipeline definition or a scraper framework. */
    recognised: boolean;
    kinds: ('package' | 'cli' | 'pipeline' | 'scraper')[];
    package: boolean;
    importableModules: number;
    cliEntryPoints: string[];
    pipelines: string[];
    scraperFramework: boolean;
    evidence: { file: string }[];
  };
  /** Test frameworks in the project's own tests: pytest, unittest, testthat, dbt, scrapy-contracts … (since 1.2.0). */
  testFrameworks?: string[];
  pretrainedModels: string[];
  stack: string[];
  /** Stock datasets recognised by the herd catalogue, most certain first. */
  stockDatasets: HerdSummary[];
  /** Course capstones recognised by the herd catalogue. */
  capstones: HerdSummary[];
  /** Overused topics the project is about. */
  overusedTopics: HerdSummary[];
  /** Notebooks with the stock load → split → fit → score shape (signals), for the portfolio view. */
  cookieCutterNotebooks?: string[];
  /** Collectors that could not run, with why. */
  unavailable: { collector: string; reason: string }[];
}

export interface NextStep {
  check: string;
  principle: PrincipleId;
  severity: Severity;
  advice: string;
  /** Points the total would gain if this check passed (estimated by the scoring policy). */
  gain: number;
  /** The route the advice is for (the report's `route`): advice never takes a project off its route. */
  route: RouteId;
}

/**
 * A failing finding the user's config file ignores: it stays in the report, marked, and does not
 * count in the score, the red flags or the next steps.
 */
export interface IgnoredMark {
  /** The candidate's explanation, from the config entry. */
  reason: string;
  /** The `path` of the config entry, when it was limited to files. */
  path?: string;
}

/** A finding as reported: the check's finding, marked when a config `ignore` entry covers it. */
export interface ReportedFinding extends Finding {
  ignored?: IgnoredMark;
}

/** How an audited entry was named by the user, when it was more than a local folder. */
export interface RepoInput {
  /** The address cloned. */
  url?: string;
  /** The other columns of the input CSV row (name, email, …). */
  columns?: Record<string, string>;
  /** Set when an earlier entry named the same repository; it was audited once. */
  duplicateOf?: string;
  /** How it was obtained, when a reader should know: files not downloaded, a cached copy not updated. */
  note?: string;
}

export interface FlippedCheck {
  check: string;
  title: string;
  principle: PrincipleId;
}

/** What moved between a run and the previous run of the same repository. */
export interface RunChanges {
  /** The previous run compared with. */
  since: { recordedAt: string; commit: string | null; score: number | null };
  /** New score minus the previous one; null when either is unscored. */
  scoreDelta: number | null;
  /** Principles whose sub-score moved, in principle order. */
  principles: { principle: PrincipleId; from: number | null; to: number | null }[];
  /** Checks that failed before and pass now. */
  fixed: FlippedCheck[];
  /** Checks that passed before and fail now. */
  broke: FlippedCheck[];
  /** The same in words: "+6 (72 → 78): now — …; no longer — …". */
  summary: string;
}

/** A check's result as published: the findings themselves are listed once, in `RepoReport.findings`. */
export type CheckOutcome = Omit<CheckResult, 'findings'>;

export interface RepoReport {
  /** The path or URL exactly as the user gave it. */
  path: string;
  /** Absolute path audited, or null when it could not be opened. */
  root: string | null;
  name: string;
  score: number | null;
  /**
   * The route the project takes out of the herd and the facts that decided it (docs/adr/0009-routes.md);
   * null when the repository could not be audited.
   */
  route: Route | null;
  principles: PrincipleScore[];
  excludedPrinciples: { principle: PrincipleId; reason: string }[];
  summary: string;
  highlights: string[];
  redFlags: string[];
  nextSteps: NextStep[];
  findings: ReportedFinding[];
  /** Every check's outcome, credit and reason; its findings are the entries of `findings` with the same `check`. */
  checks: CheckOutcome[];
  facts: FactsSummary | null;
  error: string | null;
  /** Where this entry came from when it was not a plain local folder: a URL, a row of a list. */
  input?: RepoInput;
  /** Position in the input, from 0; only on the lines of `--format jsonl`, written as repositories finish. */
  index?: number;
  /** Nearest repositories in a reference index; present only with `audit --against <index.db>`. */
  neighbours?: NeighboursReport;
  /** What moved since the previous recorded run of this repository; present only when the store has one. */
  changes?: RunChanges;
}

export interface Report {
  schemaVersion: string;
  tool: { name: 'unherd'; version: string };
  repos: RepoReport[];
  /** ISO 8601 time of the run; only with `--timestamp`, so reports stay byte-identical by default. */
  generatedAt?: string;
  /** The portfolio view over all repositories (`--profile`, `--user`). */
  portfolio?: Portfolio;
}
