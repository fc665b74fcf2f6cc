import type { CommitMessageQuality } from './types.js';

/**
 * Whole subjects that say nothing about what changed. Compared after lower-casing and dropping
 * surrounding punctuation, so "Update.", "WIP!!" and "final " all match.
 */
const EMPTY_WORDS = new Set([
  'update',
  'updates',
  'updated',
  'commit',
  'commits',
  'change',
  'changes',
  'changed',
  'some changes',
  'minor changes',
  'small changes',
  'minor',
  'minor fix',
  'minor fixes',
  'final',
  'final version',
  'final commit',
  'finished',
  'done',
  'fix',
  'fixes',
  'fixed',
  'fix bug',
  'bug fix',
  'bugfix',
  'fixed bug',
  'wip',
  'work in progress',
  'test',
  'testing',
  'tmp',
  'temp',
  'stuff',
  'misc',
  'more',
  'new',
  'edit',
  'edits',
  'edited',
  'ok',
  'save',
  'saved',
  'upload',
  'uploaded',
  'add',
  'added',
  'add files',
  'added files',
  'files',
  'initial commit',
  'first commit',
  'init',
  'initial',
  'new commit',
  'cleanup',
  'clean up',
  'refactor',
  'progress',
  'asdf',
  'asd',
  'qwerty',
  'xxx',
  'foo',
  'blah',
  'no message',
  'nothing',
  'whatever',
  'today',
]);

/** GitHub's web-editor defaults ("Update README.md", "Create main.py", "Add files via upload", "Rename a.py to b.py"). */
const WEB_DEFAULT =
  /^(?:add files via upload|(?:update|create|delete|add|rename)\s+\S*[./]\S*(?:\s+to\s+\S+)?|(?:update|create)\s+readme)$/i;

/** Keyboard mash and version-only subjects: "aaaa", "asdfgh", "v2", "3", "...". */
const MASH = /^(?:(.)\1{2,}|asdf\w*|qwe\w*|[\d\s.,_-]*|v\d+(?:\.\d+)*)$/i;

/** Subjects that are only a date ("2024-03-01", "12/03") carry no description either. */
const DATE_ONLY = /^\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?$/;

function core(subject: string): string {
  return subject
    .trim()
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** A subject that tells a reader nothing about what changed or why. */
export function isLowInformation(subject: string): boolean {
  const text = subject.trim();
  const words = core(text);
  if (words === '') return true;
  if (EMPTY_WORDS.has(words)) return true;
  if (WEB_DEFAULT.test(text)) return true;
  if (MASH.test(words) || DATE_ONLY.test(words)) return true;
  return false;
}

const CONVENTIONAL = /^[a-z]+(?:\([^)]*\))?!?:\s*\S/i;

/** Says what changed: not low-information, and three or more words (or a conventional-commit subject). */
export function isDescriptive(subject: string): boolean {
  if (isLowInformation(subject)) return false;
  const words = subject
    .trim()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length >= 3 || (CONVENTIONAL.test(subject.trim()) && words.length >= 2);
}

const VERY_SHORT = 10;
const MAX_EXAMPLES = 5;

/** Summarises the subjects of the candidate's own commits (callers leave out bots and merges). */
export function summariseMessages(commits: { hash: string; subject: string }[]): CommitMessageQuality {
  const lengths: number[] = [];
  const examples: { hash: string; subject: string }[] = [];
  let lowInformation = 0;
  let veryShort = 0;
  let descriptive = 0;
  for (const { hash, subject } of commits) {
    const length = [...subject.trim()].length;
    lengths.push(length);
    if (length < VERY_SHORT) veryShort++;
    if (isLowInformation(subject)) {
      lowInformation++;
      if (examples.length < MAX_EXAMPLES) examples.push({ hash, subject });
    } else if (isDescriptive(subject)) descriptive++;
  }
  return {
    lowInformation,
    judged: commits.length,
    veryShort,
    descriptive,
    medianSubjectLength: median(lengths),
    examples,
  };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
