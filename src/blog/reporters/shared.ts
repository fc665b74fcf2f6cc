import type { Finding } from '../../checks/types.js';
import { SEVERITY_ORDER } from '../../reporters/shared.js';
import type { PostReview } from '../review.js';

/** Failed findings, worst first, then by check code: the order every blog reporter lists them in. */
export function failures(post: PostReview): Finding[] {
  return post.findings
    .filter((f) => f.outcome === 'fail')
    .sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.check.localeCompare(b.check),
    );
}

/** What to do, one line per failed check, from its `advice`. */
export function adviceFor(post: PostReview, advice: ReadonlyMap<string, string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of failures(post)) {
    if (seen.has(f.check)) continue;
    seen.add(f.check);
    const a = advice.get(f.check);
    if (a) out.push(a);
  }
  return out;
}

export function postStatus(post: PostReview): string {
  if (post.error !== null)
    return post.unsupported ? `not supported: ${post.error}` : `not reviewed: ${post.error}`;
  return post.score === null ? 'no score' : `${post.score}/100`;
}

/**
 * Whether a reviewed post is about the author's own work, by the rule the blog overview counts
 * with (src/blog/review.ts): a first-person account or links to their own work, and not a
 * saturated topic. Null for a post that was not reviewed.
 */
export function aboutOwnWork(post: PostReview): boolean | null {
  if (post.score === null) return null;
  const outcome = (code: string) => post.checks.find((c) => c.check === code)?.outcome;
  return (outcome('BLG101') === 'pass' || outcome('BLG102') === 'pass') && outcome('BLG103') !== 'fail';
}
