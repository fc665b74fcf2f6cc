/** A piece of code fingerprinted on its own: a `.py` file, or one notebook code cell. */
export interface CodeUnit {
  file: string;
  /** 0-based notebook cell; absent for a `.py` file. */
  cell?: number;
}

/** One winnowed k-gram: its 32-bit hash and where it sits (1-based lines within the file or cell). */
export interface Fingerprint {
  hash: number;
  /** Index into `units`. */
  unit: number;
  startLine: number;
  endLine: number;
}

export interface RepoCode {
  units: CodeUnit[];
  fingerprints: Fingerprint[];
  /** Files that could not be fingerprinted (binary, too large, unparseable); the rest still are. */
  problems: { file: string; reason: string }[];
}

/** What besides code makes two projects alike: the data, the topic, the stack, the notebook outline. */
export interface RepoFeatures {
  /** Stock-dataset ids from the herd catalogue. */
  datasets: string[];
  /** Data-file headers: lower-cased column names, sorted and joined with commas. */
  headers: string[];
  /** Overused-topic and capstone ids from the herd catalogue (capstones as `capstone:<id>`). */
  topics: string[];
  /** Content words of the README title and notebook titles. */
  titleWords: string[];
  /** Libraries of the stack. */
  stack: string[];
  /** Notebook Markdown headings, normalised (lower case, numbers dropped). */
  headings: string[];
}

/** Everything the similarity index keeps about one repository. */
export interface RepoProfile {
  /** The path as given. */
  path: string;
  name: string;
  /** Absolute path of the folder, so a repository is not reported as its own neighbour. */
  root?: string;
  code: RepoCode;
  features: RepoFeatures;
}

/** Lines of one side of a shared passage. */
export interface Span {
  file: string;
  /** 0-based notebook cell, when the passage sits in a notebook. */
  cell?: number;
  startLine: number;
  endLine: number;
}

/** A passage of code found on both sides: `a` is the first repository's, `b` the second's. */
export interface Passage {
  a: Span;
  b: Span;
}

/** The parts of "how alike": each 0–1. */
export interface SimilarityParts {
  code: number;
  dataset: number;
  topic: number;
  stack: number;
}

/** One indexed repository close to the audited one, and what they share. */
export interface Neighbour {
  /** The neighbour's path as it was given when the index was built. */
  path: string;
  name: string;
  /** 0–1, the weighted combination of the parts. */
  similarity: number;
  parts: SimilarityParts;
  shared: {
    /** Code passages: `a` in the audited repository, `b` in the neighbour. */
    passages: Passage[];
    datasets: string[];
    /** Data-file headers both have (normalised column lists). */
    headers: string[];
    /** Overused topics, capstones and title words both have. */
    topics: string[];
    stack: string[];
    /** Notebook section headings both have: the notebook structure. */
    headings: string[];
  };
}

/** What `audit --against index.db` adds to a repository's report. */
export interface NeighboursReport {
  /** The index file as given. */
  index: string;
  /** Repositories in the index compared against. */
  compared: number;
  /** How herd-like the project is: each part averaged over its five nearest indexed repositories. */
  herdLikeness: SimilarityParts & { overall: number };
  /** Up to five neighbours at or above the threshold, most similar first. */
  nearest: Neighbour[];
  /** Why neighbours could not be computed for this repository, or null. */
  error: string | null;
}
