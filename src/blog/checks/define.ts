import type { CheckDocs, CheckResult, Evidence, MessageData, Severity } from '../../checks/types.js';
import { executeCheck, undecided } from '../../engine/run-check.js';
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

/**
 * Checks that judge the post's whole content (length, figures, limitations, takeaway, structure): when
 * the post embeds a notebook that is not beside it, what was read is only the frame around it.
 */
const WHOLE_CONTENT_CHECKS = new Set(['BLG104', 'BLG105', 'BLG106', 'BLG113', 'BLG114', 'BLG115', 'BLG117']);

/** Runs one blog check with the audit's semantics (src/engine/run-check.ts). Never throws. */
export function runBlogCheck(
  check: AnyBlogCheck,
  post: PostFacts,
  options: unknown = check.options,
): CheckResult {
  if (post.embedsMissing.length > 0 && WHOLE_CONTENT_CHECKS.has(check.code)) {
    return undecided(
      check,
      'unknown',
      `the post embeds ${post.embedsMissing.join(', ')}, which is not in the folder reviewed`,
    );
  }
  return executeCheck(check, (reporting) => check.run({ post, options, ...reporting }));
}
