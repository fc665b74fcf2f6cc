import type {
  CheckDocs,
  CheckResult,
  Evidence,
  Finding,
  MessageData,
  Outcome,
  Severity,
} from '../../checks/types.js';
import { formatMessage } from '../../engine/run-check.js';
import type { PrincipleId } from '../../principles.js';
import type { PostFacts, Where } from '../types.js';

export type BlogPrinciple = Extract<PrincipleId, 'blog-only-you' | 'blog-craft'>;

export interface BlogCheckContext<M extends string, O> {
  post: PostFacts;
  options: O;
  fail(message: M, data?: MessageData, evidence?: Evidence | Evidence[]): void;
  pass(message: M, data?: MessageData, evidence?: Evidence | Evidence[]): void;
  notApplicable(reason: string): void;
  unknown(reason: string): void;
  credit(fraction: number): void;
}

/** A blog check: the audit's check shape, reading one post's facts instead of a repository's. */
export interface BlogCheckDefinition<M extends string = string, O = unknown> {
  /** Stable code, never reused: BLG1xx. */
  code: string;
  name: string;
  title: string;
  principle: BlogPrinciple;
  severity: Severity;
  status: 'preview' | 'stable';
  /** Structural checks are the ones `blog draft` must satisfy: sources, pictures, code, structure. */
  structural: boolean;
  messages: Record<M, string>;
  options: O;
  advice: string;
  docs: CheckDocs;
  run(ctx: BlogCheckContext<M, O>): void;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds checks of every shape
export type AnyBlogCheck = BlogCheckDefinition<any, any>;

export function defineBlogCheck<M extends string, O = Record<string, never>>(
  definition: BlogCheckDefinition<M, O>,
): BlogCheckDefinition<M, O> {
  return definition;
}

/** Evidence for a place in a post: file and line, plus the notebook cell for a notebook post. */
export function at(post: PostFacts, where: Where, note?: string): Evidence {
  return {
    file: post.path,
    line: where.line,
    ...(where.cell !== undefined ? { cell: where.cell } : {}),
    ...(note !== undefined ? { note } : {}),
  };
}

const PRECEDENCE: Record<Outcome, number> = { error: 4, fail: 3, unknown: 2, 'not-applicable': 1, pass: 0 };

/** Runs one blog check with the audit's semantics (see src/engine/run-check.ts). Never throws. */
/**
 * Checks that judge the post's whole content (length, figures, limitations, takeaway, structure): when
 * the post embeds a notebook that is not beside it, what was read is only the frame around it.
 */
const WHOLE_CONTENT_CHECKS = new Set(['BLG104', 'BLG105', 'BLG106', 'BLG113', 'BLG114', 'BLG115', 'BLG117']);

export function runBlogCheck(
  check: AnyBlogCheck,
  post: PostFacts,
  options: unknown = check.options,
): CheckResult {
  const base = { check: check.code, name: check.name, principle: check.principle, severity: check.severity };
  if (post.embedsMissing.length > 0 && WHOLE_CONTENT_CHECKS.has(check.code)) {
    return {
      ...base,
      title: check.title,
      outcome: 'unknown',
      credit: null,
      reason: `the post embeds ${post.embedsMissing.join(', ')}, which is not in the folder reviewed`,
      findings: [],
    };
  }
  const findings: Finding[] = [];
  let outcome: Outcome = 'pass';
  let reason: string | null = null;
  let credit: number | null = null;
  const raise = (next: Outcome) => {
    if (PRECEDENCE[next] > PRECEDENCE[outcome]) outcome = next;
  };
  const record = (
    kind: 'fail' | 'pass',
    id: string,
    data?: MessageData,
    evidence?: Evidence | Evidence[],
  ) => {
    const template = (check.messages as Record<string, string>)[id];
    if (template === undefined) throw new Error(`unknown message id "${id}"`);
    findings.push({
      ...base,
      outcome: kind,
      messageId: id,
      message: formatMessage(template, data),
      evidence: evidence === undefined ? [] : Array.isArray(evidence) ? evidence : [evidence],
    });
    raise(kind);
  };
  try {
    check.run({
      post,
      options,
      fail: (id: string, data?: MessageData, ev?: Evidence | Evidence[]) => record('fail', id, data, ev),
      pass: (id: string, data?: MessageData, ev?: Evidence | Evidence[]) => record('pass', id, data, ev),
      notApplicable: (why: string) => {
        raise('not-applicable');
        reason ??= why;
      },
      unknown: (why: string) => {
        raise('unknown');
        reason = why;
      },
      credit: (fraction: number) => {
        credit = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
      },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      ...base,
      title: check.title,
      outcome: 'error',
      credit: null,
      reason: `${check.code} threw: ${message}`,
      findings: [],
    };
  }
  const final = outcome as Outcome;
  if (final === 'unknown' || final === 'not-applicable') {
    return {
      ...base,
      title: check.title,
      outcome: final,
      credit: null,
      reason,
      findings: findings.filter((f) => f.outcome !== 'pass'),
    };
  }
  credit ??= final === 'pass' ? 1 : 0;
  if (findings.length === 0)
    findings.push({ ...base, outcome: 'pass', messageId: 'pass', message: check.title, evidence: [] });
  return { ...base, title: check.title, outcome: final, credit, reason, findings };
}
