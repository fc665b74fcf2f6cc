import { fillers } from 'fillers';
import { fleschKincaid } from 'flesch-kincaid';
import { hedges } from 'hedges';
import { syllable } from 'syllable';
import { weasels } from 'weasels';
import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemSentence, type ItemToken, type WinkMethods } from 'wink-nlp';
import type { ProseStats } from '../types.js';

let nlp: WinkMethods | null = null;

/** The English model loads in ~50 ms; one instance per process. */
function engine(): WinkMethods {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves']);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);

function phraseMatcher(words: readonly string[]): RegExp {
  const escaped = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
}

const HEDGES = phraseMatcher(hedges);
const WEASELS = phraseMatcher(weasels);
const FILLERS = phraseMatcher(fillers);
/** One pass over all three lists, so a word on two lists ("could") counts once in the density. */
const ANY_VAGUE = phraseMatcher([...new Set([...hedges, ...weasels, ...fillers])]);

function countMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

export interface ParagraphProse {
  words: number;
  /** Words per sentence. */
  sentences: number[];
  texts: string[];
}

/** Sentences and word counts of each paragraph, then the whole post's prose statistics. */
export function analyseProse(paragraphs: readonly string[]): {
  perParagraph: ParagraphProse[];
  stats: ProseStats;
} {
  const its = engine().its;
  const perParagraph: ParagraphProse[] = [];
  const sentenceLengths: number[] = [];
  let words = 0;
  let syllables = 0;
  let first = 0;
  let second = 0;
  let stop = 0;
  let tokens = 0;
  for (const text of paragraphs) {
    if (text.trim() === '') {
      perParagraph.push({ words: 0, sentences: [], texts: [] });
      continue;
    }
    const doc = engine().readDoc(text);
    const lengths: number[] = [];
    const texts: string[] = [];
    doc.sentences().each((sentence: ItemSentence) => {
      let n = 0;
      sentence.tokens().each((token: ItemToken) => {
        if (token.out(its.type) !== 'word') return;
        n++;
        const lower = token.out(its.normal) as string;
        syllables += syllable(lower);
        if (FIRST_PERSON.has(lower)) first++;
        else if (SECOND_PERSON.has(lower)) second++;
        if (token.out(its.stopWordFlag)) stop++;
        tokens++;
      });
      if (n > 0) {
        lengths.push(n);
        texts.push(sentence.out());
      }
    });
    const w = lengths.reduce((a, b) => a + b, 0);
    words += w;
    sentenceLengths.push(...lengths);
    perParagraph.push({ words: w, sentences: lengths, texts });
  }
  const all = paragraphs.join('\n');
  const sentences = sentenceLengths.length;
  const stats: ProseStats = {
    words,
    sentences,
    syllables,
    grade:
      words >= 100 && sentences > 0
        ? round1(fleschKincaid({ word: words, sentence: sentences, syllable: syllables }))
        : null,
    meanSentence: sentences > 0 ? round1(words / sentences) : 0,
    longestSentence: Math.max(0, ...sentenceLengths),
    longSentences: sentenceLengths.filter((n) => n > 35).length,
    hedges: countMatches(HEDGES, all),
    weasels: countMatches(WEASELS, all),
    fillers: countMatches(FILLERS, all),
    vagueWords: countMatches(ANY_VAGUE, all),
    firstPersonRatio: words > 0 ? first / words : 0,
    secondPersonRatio: words > 0 ? second / words : 0,
    englishStopRatio: tokens > 0 ? stop / tokens : 0,
  };
  return { perParagraph, stats };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
