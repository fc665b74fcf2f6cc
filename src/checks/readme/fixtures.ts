import type { ReadmeFacts, ReadmeSection, ReadmeSectionKind } from '../../collectors/readme/types.js';

/** README facts for check tests: an empty but present README, with the given fields laid over. */
export function readmeOf(overrides: Partial<ReadmeFacts> = {}): ReadmeFacts {
  return {
    present: true,
    path: 'README.md',
    format: 'markdown',
    encoding: 'utf-8',
    truncated: false,
    title: 'Project',
    intro: null,
    words: 0,
    sections: [],
    links: [],
    images: [],
    codeBlocks: [],
    runCommands: [],
    badges: 0,
    metrics: [],
    baselineMentions: [],
    placeholders: [],
    ...overrides,
  };
}

export const NO_README: ReadmeFacts = readmeOf({
  present: false,
  path: null,
  format: null,
  encoding: null,
  title: null,
});

export function section(
  kind: ReadmeSectionKind,
  line: number,
  words = 40,
  title: string = kind,
): ReadmeSection {
  return { title, level: 2, line, kind, words };
}
