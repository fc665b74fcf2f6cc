import type { PostFacts, ProseStats } from '../types.js';

/** Test support: a post's facts with sensible empty defaults, overridden by what a test cares about. */
export function postFacts(
  over: Omit<Partial<PostFacts>, 'prose'> & { prose?: Partial<ProseStats> } = {},
): PostFacts {
  const prose: ProseStats = {
    words: over.words ?? 900,
    sentences: 50,
    syllables: 1300,
    grade: 9,
    meanSentence: 18,
    longestSentence: 30,
    longSentences: 0,
    hedges: 2,
    weasels: 1,
    fillers: 0,
    vagueWords: 3,
    firstPersonRatio: 0.03,
    secondPersonRatio: 0.005,
    englishStopRatio: 0.45,
    ...over.prose,
  };
  return {
    path: 'posts/post.md',
    format: 'markdown',
    title: 'How I forecast bike demand in Lyon',
    titleLine: 2,
    date: '2024-03-02',
    author: 'Ada',
    tags: [],
    language: 'en',
    paragraphs: [],
    headings: [],
    sections: [],
    links: [],
    images: [],
    codeBlocks: [],
    footnotes: 0,
    claims: [],
    ownHandles: [],
    words: prose.words,
    readingMinutes: Math.max(1, Math.round(prose.words / 238)),
    truncated: false,
    problems: [],
    embedsMissing: [],
    ...over,
    prose,
  };
}
