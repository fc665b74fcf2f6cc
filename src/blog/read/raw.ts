import type { PostFormat } from '../types.js';

/** A post as its format-specific reader saw it, before anything is derived. Lines are 1-based in the file. */
export interface RawPost {
  format: PostFormat;
  meta: Record<string, unknown>;
  /** Title from the page (HTML <title>, Readability); front matter `title` wins. */
  pageTitle: string | null;
  pageDate: string | null;
  pageAuthor: string | null;
  blocks: RawBlock[];
  footnotes: number;
  truncated: boolean;
  problems: string[];
  /** Notebooks the post embeds (`{% notebook x.ipynb %}`) that could not be found beside it. */
  embedsMissing: string[];
  /** Notebooks the post embeds and that were read into it: the author's own, published work. */
  embedded: { path: string; line: number }[];
}

export interface RawLink {
  url: string;
  text: string;
  line: number;
}

export interface RawImage {
  src: string;
  alt: string;
  caption: string | null;
  line: number;
}

interface At {
  line: number;
  cell?: number;
}

export type RawBlock =
  | ({ kind: 'heading'; level: number; text: string } & At)
  | ({ kind: 'paragraph'; text: string; links: RawLink[]; images: RawImage[]; cell?: number } & At)
  | ({ kind: 'code'; lang: string; fenced: boolean; content: string } & At);

export function emptyRaw(format: PostFormat): RawPost {
  return {
    format,
    meta: {},
    pageTitle: null,
    pageDate: null,
    pageAuthor: null,
    blocks: [],
    footnotes: 0,
    truncated: false,
    problems: [],
    embedsMissing: [],
    embedded: [],
  };
}
