import type { SectionKind } from '../types.js';

const KINDS: [SectionKind, RegExp][] = [
  ['references', /\b(references|bibliography|sources|further reading|citations|works cited|reading list)\b/i],
  [
    'limitations',
    /\b(limitations?|caveats?|shortcomings?|what (didn'?t|did not) work|what went wrong|future work|what i'?d do (next|differently)|what i would do|open questions?|known issues|threats to validity|mistakes)\b/i,
  ],
  [
    'next-steps',
    /\b(next steps?|try it( yourself)?|get started|what'?s next|your turn|how to use|run it yourself|resources)\b/i,
  ],
  [
    'takeaway',
    /\b(takeaways?|conclusions?|summary|wrap(ping)?[- ]up|tl;? ?dr|key (points|lessons|learnings)|lessons learned|final thoughts|in short)\b/i,
  ],
];

export function classifySection(title: string): SectionKind {
  for (const [kind, re] of KINDS) if (re.test(title)) return kind;
  return 'other';
}
