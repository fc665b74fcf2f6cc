/**
 * What is known about one blog post, read once and then judged by every blog check. Every
 * place carries a 1-based line in the post's file (and a 0-based cell for a notebook post), so
 * findings can point where the author can look.
 */
export type PostFormat = 'markdown' | 'quarto' | 'html' | 'notebook';

export interface Where {
  line: number;
  /** 0-based notebook cell, for a notebook used as a post. */
  cell?: number;
}

export interface PostParagraph extends Where {
  text: string;
  words: number;
  /** Longest sentence in words. */
  longestSentence: number;
}

export interface PostHeading extends Where {
  level: number;
  text: string;
}

/** internal: same site or relative; own-work: the author's repository, gist, Kaggle or HF page; anchor: #id. */
export type LinkKind = 'internal' | 'external' | 'own-work' | 'anchor' | 'invalid';

export interface PostLink extends Where {
  url: string;
  text: string;
  kind: LinkKind;
  /** Host, lower case, without `www.`; null for relative links. */
  host: string | null;
}

export interface PostImage extends Where {
  src: string;
  alt: string;
  caption: string | null;
  /** File name says it is a picture of code (carbon.png, code.png, screenshot …). */
  looksLikeCode: boolean;
}

export interface PostCodeBlock extends Where {
  lang: string;
  /** false for indented code (no fence, no language possible). */
  fenced: boolean;
  content: string;
  /** Lines pasted with a prompt (`$ `, `>>> `, `In [3]:`), 1-based lines in the post. */
  prompts: { line: number; prompt: string }[];
  /** Python only: names used (called, or an attribute's object) that nothing in the post imports or defines. */
  unresolved?: { name: string; line: number }[];
  /** Python only: the parser found a syntax error (after removing prompts and IPython magics). */
  syntaxError?: boolean;
}

export type SectionKind = 'limitations' | 'next-steps' | 'takeaway' | 'references' | 'other';

export interface PostSection extends Where {
  title: string;
  kind: SectionKind;
}

/** A sentence that states a number or a study, and whether a source sits beside it. */
export interface PostClaim extends Where {
  text: string;
  kind: 'statistic' | 'paper';
  cited: boolean;
}

export interface ProseStats {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch–Kincaid grade; null for too little prose. */
  grade: number | null;
  meanSentence: number;
  longestSentence: number;
  /** Sentences of more than 35 words. */
  longSentences: number;
  hedges: number;
  weasels: number;
  fillers: number;
  /** Words or phrases on any of the three lists, each occurrence counted once. */
  vagueWords: number;
  /** Per word: I/me/my/we/our … */
  firstPersonRatio: number;
  /** Per word: you/your … */
  secondPersonRatio: number;
  /** Share of tokens that are English stop words (language guess). */
  englishStopRatio: number;
}

export interface PostFacts {
  path: string;
  format: PostFormat;
  title: string | null;
  titleLine: number | null;
  /** ISO date (YYYY-MM-DD) from front matter or a Jekyll file name; null when unknown. */
  date: string | null;
  author: string | null;
  tags: string[];
  /** 'en', or 'other' when the prose is clearly not English. */
  language: 'en' | 'other' | 'unknown';
  paragraphs: PostParagraph[];
  headings: PostHeading[];
  sections: PostSection[];
  links: PostLink[];
  images: PostImage[];
  codeBlocks: PostCodeBlock[];
  footnotes: number;
  claims: PostClaim[];
  /** Accounts the author is known by (github user, kaggle name …), from front matter and links. */
  ownHandles: string[];
  words: number;
  readingMinutes: number;
  prose: ProseStats;
  /** The read stopped at the byte cap; facts describe the part read. */
  truncated: boolean;
  /** Notes about parts that could not be read (a broken image output …). */
  problems: string[];
  /** Embedded notebooks (`{% notebook … %}`) not found beside the post: checks of the whole content are unknown. */
  embedsMissing: string[];
}
