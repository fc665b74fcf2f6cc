/** One observation behind a detection: where a person can look, and what matched. */
export interface HerdEvidence {
  file?: string;
  line?: number;
  cell?: number;
  signal: 'header' | 'file-name' | 'loader' | 'kaggle' | 'url' | 'layout' | 'phrase' | 'repo-name';
  /** What matched, e.g. the header columns, the loader call, the phrase. */
  detail: string;
  /** Strong signals count alone; weak ones only together with another signal. */
  strength: 'strong' | 'weak';
}

export interface HerdDetection {
  id: string;
  name: string;
  /** 0–1: how sure the match is (combined from independent signals). */
  confidence: number;
  /**
   * For stock datasets: whether it is the project's flagship (the README or most of the analysis is
   * about it) or used on the side (one teaching notebook among others).
   */
  role: 'flagship' | 'secondary';
  /** The cliché task (datasets), the course (capstones). */
  detail: string;
  /** Capstones whose course walks every student through the same API calls or scraping (catalogue `guidedCollection`). */
  guidedCollection?: boolean;
  /** Overused-topic id the detection carries (datasets). */
  topic?: string;
  evidence: HerdEvidence[];
}

export interface HerdFacts {
  stockDatasets: HerdDetection[];
  capstones: HerdDetection[];
  topics: HerdDetection[];
  /** Catalogue files used, bundled first. */
  catalogue: string[];
}
