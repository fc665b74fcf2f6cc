import type { PyString } from '../python/types.js';
import { excerpt, linesOf, type TextSource, where } from './text-sources.js';
import type { SignalsFacts } from './types.js';

type PaperReference = SignalsFacts['paperReferences'][number];
type Phrase = SignalsFacts['replicationPhrases'][number];

const ARXIV_NEW = /\b(?:arxiv\s*:?\s*|arxiv\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5})(?:v\d+)?/gi;
const ARXIV_OLD = /\b(?:arxiv\s*:?\s*|arxiv\.org\/(?:abs|pdf)\/)([a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?/gi;
const DOI = /\b(10\.\d{4,9}\/[^\s"'<>`|\]]+)/g;
const PAPER_HOSTS =
  /\bhttps?:\/\/(?:www\.)?(openreview\.net\/(?:forum|pdf)\?id=[\w-]+|aclanthology\.org\/[\w.-]+|papers\.nips\.cc\/[^\s)"'<>\]]+|proceedings\.neurips\.cc\/[^\s)"'<>\]]+|proceedings\.mlr\.press\/[^\s)"'<>\]]+|paperswithcode\.com\/paper\/[\w-]+|openaccess\.thecvf\.com\/[^\s)"'<>\]]+)/gi;

/** Trailing punctuation that closes a sentence or a Markdown link, not the identifier. */
function trimId(id: string): string {
  return id.replace(/[.,;:)\]}>*_]+$/, '');
}

/** Every paper identifier in one line of text. */
export function paperIdsIn(text: string): { id: string; kind: PaperReference['kind'] }[] {
  const out: { id: string; kind: PaperReference['kind'] }[] = [];
  for (const m of text.matchAll(ARXIV_NEW)) out.push({ id: `arXiv:${m[1]}`, kind: 'arxiv' });
  for (const m of text.matchAll(ARXIV_OLD)) out.push({ id: `arXiv:${m[1]!.toLowerCase()}`, kind: 'arxiv' });
  for (const m of text.matchAll(DOI)) {
    const doi = trimId(m[1]!).toLowerCase();
    // arXiv's own DOIs (10.48550/arXiv.2106.09685) name the same paper as its arXiv id.
    const arxiv = /^10\.48550\/arxiv\.(\d{4}\.\d{4,5})/.exec(doi);
    out.push(arxiv ? { id: `arXiv:${arxiv[1]}`, kind: 'arxiv' } : { id: doi, kind: 'doi' });
  }
  for (const m of text.matchAll(PAPER_HOSTS)) out.push({ id: trimId(m[1]!.toLowerCase()), kind: 'url' });
  return out;
}

/** arXiv ids, DOIs and paper links in prose, notebook cells and code strings, first place seen per id. */
export function findPaperReferences(
  sources: readonly TextSource[],
  strings: readonly PyString[],
): PaperReference[] {
  const seen = new Map<string, PaperReference>();
  const add = (
    found: { id: string; kind: PaperReference['kind'] },
    at: { file: string; line: number; cell?: number },
  ) => {
    if (!seen.has(found.id)) seen.set(found.id, { ...found, ...at });
  };
  for (const source of sources) {
    if (
      !/arxiv|10\.\d|openreview|aclanthology|nips|neurips|mlr\.press|paperswithcode|thecvf/i.test(source.text)
    )
      continue;
    for (const { text, line } of linesOf(source))
      for (const found of paperIdsIn(text)) add(found, where(source, line));
  }
  for (const str of strings) {
    for (const found of paperIdsIn(str.value.slice(0, 2_000))) {
      add(
        found,
        str.cell === undefined
          ? { file: str.file, line: str.line }
          : { file: str.file, line: str.line, cell: str.cell },
      );
    }
  }
  return [...seen.values()];
}

/** Words that tie "reproduce" to a paper rather than to "how to reproduce our results: run make". */
const PAPER_CONTEXT =
  /\b(paper|article|publication|study|authors|et al\.?|arxiv|original (?:work|results?|implementation)|reported|proposed|neurips|icml|iclr|cvpr|acl|emnlp|journal|econometrica|working paper|American Economic Review|Quarterly Journal)\b|\(\s*(?:19|20)\d{2}[a-z]?\s*\)|\b[A-Z][\w'-]+\s+(?:and|&)\s+[A-Z][\w'-]+,?\s+\(?(?:19|20)\d{2}\b/i;
/** Write-ups for reproducibility venues are replications by definition. */
const REPRODUCIBILITY_VENUE =
  /\b(ReScience(?:\s+C)?|(?:ML\s+)?Reproducibi?li?ty\s+(?:Challenge|report|study)|MLRC\s*20\d{2}|NeurIPS\s+Reproducibility|replication\s+(?:study|report)\s+of)\b/i;
/**
 * A package of code and data ("replication package", "replication files") is what a study ships so
 * that others can re-run it: the words name the package, they do not claim a re-done study.
 */
export const PACKAGE_WORDS =
  /\breplication\s+(?:packages?|files?|codes?|materials?|archives?|folders?|kits?|repositor(?:y|ies)|repos?|data)\b/gi;
/** "Codes to replicate results are in Scripts/", "the code needed to replicate the results in": instructions. */
const PACKAGE_INSTRUCTION =
  /\b(?:codes?|scripts?|programs?|files?|do-?files?|package|data and code|code and data)\s+(?:\w+\s+){0,2}?to\s+(?:replicate|reproduce)\b/i;
/** Someone else's study named beside the claim: "et al.", "Card and Krueger (1994)", "the original". */
export const THIRD_PARTY =
  /\bet al\.?|\b[A-Z][\w'-]+\s+(?:and|&)\s+[A-Z][\w'-]+,?\s+\(?(?:19|20)\d{2}\b|\boriginal\s+(?:paper|article|study|authors?)\b/;
const REPLICATE = /\b(replicat(?:e|es|ed|ing|ion)|reproduc(?:e|es|ed|ing|tion))\b/i;
const REIMPLEMENT =
  /\b(re-?implement(?:ation|ing|ed|s)?\s+(?:of\s+)?|implementation\s+of\s+(?:the\s+)?(?:paper|["“][^"”]{3,}["”]|[A-Z][\w-]+ et al))/i;
const HOW_TO_RUN =
  /\bto\s+reproduce\s+(?:the|our|my|these)?\s*(?:results|figures|experiments|environment|analysis)\s*[,:]?\s*(?:run|use|execute|type)\b/i;

/** Sentences claiming to replicate or re-implement a paper, in the README and notebook Markdown. */
export function findReplicationPhrases(sources: readonly TextSource[]): Phrase[] {
  const out: Phrase[] = [];
  for (const source of sources) {
    if (source.kind === 'code-cell') continue;
    if (!/replicat|reproduc|implement|rescience/i.test(source.text)) continue;
    for (const { text: line0, line } of linesOf(source)) {
      // URLs and code spans name repositories and commands (`git clone …/rescience-gorder.git`), not claims.
      const text = line0
        .replace(/\bhttps?:\/\/[^\s)\]>]+/gi, ' ')
        .replace(/`[^`]*`/g, ' ')
        .replace(PACKAGE_WORDS, 'package');
      const instruction =
        HOW_TO_RUN.test(text) || (PACKAGE_INSTRUCTION.test(text) && !THIRD_PARTY.test(text));
      const claims =
        REPRODUCIBILITY_VENUE.test(text) ||
        (REPLICATE.test(text) && PAPER_CONTEXT.test(text) && !instruction) ||
        (REIMPLEMENT.test(text) &&
          (PAPER_CONTEXT.test(text) || /implementation\s+of\s+(?:the\s+)?paper/i.test(text)));
      if (claims) out.push({ text: excerpt(line0), ...where(source, line) });
    }
  }
  return out;
}

const PAPER_SIDE = /\b(paper|reported|original|authors|published)\b/i;
const OUR_SIDE =
  /\b(ours|our|we|mine|my|this repo|reproduced|replicated|replication|vs\.?|versus|compared)\b/i;
const NUMBER = /\b\d+(?:\.\d+)?\s*%|\b0?\.\d+\b|\b\d+\.\d+\b/;
/** Paper ids, DOIs and links carry digits that are not results ("arXiv:2106.09685"). */
function withoutIdentifiers(text: string): string {
  return text
    .replace(/\bhttps?:\/\/\S+/gi, ' ')
    .replace(ARXIV_NEW, ' ')
    .replace(ARXIV_OLD, ' ')
    .replace(DOI, ' ');
}

const TABLE_HEADER =
  /^\s*\|.*\b(paper|reported|original)\b.*\|.*\b(ours|our|reproduced|replicated|this|mine)\b.*\|/i;
const TABLE_HEADER_REVERSED =
  /^\s*\|.*\b(ours|our|reproduced|replicated|this|mine)\b.*\|.*\b(paper|reported|original)\b.*\|/i;

/** Lines that put the candidate's numbers beside the paper's: a sentence with both, or a comparison table header. */
export function findPaperComparisons(sources: readonly TextSource[]): Phrase[] {
  const out: Phrase[] = [];
  for (const source of sources) {
    if (source.kind === 'code-cell') continue;
    if (!/paper|reported|original|authors|published/i.test(source.text)) continue;
    for (const { text, line } of linesOf(source)) {
      const sentence = PAPER_SIDE.test(text) && OUR_SIDE.test(text) && NUMBER.test(withoutIdentifiers(text));
      const table = TABLE_HEADER.test(text) || TABLE_HEADER_REVERSED.test(text);
      if (sentence || table) out.push({ text: excerpt(text), ...where(source, line) });
    }
  }
  return out;
}
