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
  words: number;
}

export interface ReadmeFacts {
  present: boolean;
  path: string | null;
  /** Title: the first heading, or null. */
  title: string | null;
  /** First paragraph of prose (capped), for summaries. */
  intro: string | null;
  words: number;
  sections: ReadmeSection[];
  links: { url: string; text: string; line: number }[];
  images: { src: string; alt: string; line: number }[];
  codeBlocks: { lang: string; line: number; content: string }[];
  /** Shell commands that run or set up the project (pip install, python x.py, make, docker run, streamlit run …). */
  runCommands: { command: string; line: number }[];
  badges: number;
  /** Numbers stated as results (accuracy 0.93, RMSE 12.1 …) with the line. */
  metrics: { text: string; line: number }[];
  /** Mentions of a baseline / benchmark comparison. */
  baselineMentions: { text: string; line: number }[];
  /** Template leftovers ("Project Title", "Lorem ipsum", cookiecutter placeholders). */
  placeholders: { text: string; line: number }[];
}
