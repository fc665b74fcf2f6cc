export type ReadmeSectionKind =
  | 'problem'
  | 'data'
  | 'method'
  | 'results'
  | 'how-to-run'
  | 'limitations'
  | 'installation'
  | 'structure'
  | 'baseline'
  | 'license'
  | 'other';

export interface ReadmeSection {
  title: string;
  level: number;
  line: number;
  kind: ReadmeSectionKind;
  /** Words of prose under this heading, up to the next heading of any level (code excluded). */
  words: number;
}

export type ReadmeFormat = 'markdown' | 'rst' | 'text';

export interface ReadmeFacts {
  present: boolean;
  path: string | null;
  format: ReadmeFormat | null;
  /** How the bytes were decoded (utf-8, utf-16le, latin1 …); 'binary' means nothing could be read. */
  encoding: string | null;
  /** The file was longer than the read limit; facts describe the part read. */
  truncated: boolean;
  /** Why the README could not be read or parsed (binary, unreadable); facts are then empty. */
  error?: string;
  /** Title: the first heading, or null. */
  title: string | null;
  /** First paragraph of prose (capped), for summaries. */
  intro: string | null;
  /** Words of prose in the whole README (headings and text; code blocks excluded). */
  words: number;
  sections: ReadmeSection[];
  links: { url: string; text: string; line: number }[];
  /** Pictures (Markdown and HTML `<img>`), badges excluded. */
  images: { src: string; alt: string; line: number }[];
  codeBlocks: { lang: string; line: number; content: string }[];
  /** Shell commands that run or set up the project (pip install, python x.py, make, docker run, streamlit run …). */
  runCommands: { command: string; line: number }[];
  /**
   * The README whose commands tell how to run the project: this one, or, when it shows none and the
   * repository holds a single project in a subfolder, that subfolder's README; null when neither.
   */
  runInstructionsIn?: string | null;
  /** Commands of the subfolder README named by `runInstructionsIn` (lines are that file's). */
  subprojectRunCommands?: { command: string; line: number }[];
  /** Status / shield images (shields.io, CI badges …). */
  badges: number;
  /** Numbers stated as results (accuracy 0.93, RMSE 12.1 …) with the line. */
  metrics: { text: string; line: number }[];
  /** Mentions of a baseline / benchmark comparison. */
  baselineMentions: { text: string; line: number }[];
  /** Template leftovers ("Project Title", "Lorem ipsum", cookiecutter placeholders). */
  placeholders: { text: string; line: number }[];
}
