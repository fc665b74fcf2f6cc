import type { ReadmeSectionKind } from './types.js';

/**
 * Heading text → section kind. Order matters: the first rule that matches wins, so narrower
 * kinds ("project structure", "baseline", "limitations") come before broad ones ("project",
 * "model"). Words are matched whole, on the lower-cased heading without emoji or numbering.
 */
const RULES: [ReadmeSectionKind, RegExp][] = [
  ['license', /\blicen[cs]e\b|\blicensing\b/],
  [
    'structure',
    /\b(project|repo|repository|folder|directory|code|file)\s+(structure|layout|organi[sz]ation|tree|overview)\b|\bstructure\b|\blayout\b|\bfiles\b|\bcontents of (the )?repo/,
  ],
  [
    'limitations',
    /\blimitations?\b|\bfuture (work|improvements?|directions?)\b|\bnext steps?\b|\bcaveats?\b|\bknown (issues|problems)\b|\broadmap\b|\bto ?do\b|\bwhat'?s next\b|\bimprovements?\b|\bshortcomings\b|\bweakness(es)?\b|\bfurther work\b/,
  ],
  ['baseline', /\bbaselines?\b|\bbenchmarks?\b/],
  [
    'results',
    /\bresults?\b|\bevaluation\b|\bperformance\b|\bfindings\b|\bmetrics?\b|\bconclusions?\b|\boutcomes?\b|\binsights\b|\bscores?\b|\baccuracy\b/,
  ],
  [
    'how-to-run',
    /\busage\b|\bhow to (run|use|reproduce)\b|\brunning\b|\brun\b|\bgetting started\b|\bquick ?start\b|\breproduc\w*\b|\bdemo\b|\bexamples?\b/,
  ],
  [
    'installation',
    /\binstall\w*\b|\bset ?up\b|\brequirements\b|\bdependencies\b|\benvironment\b|\bprerequisites?\b/,
  ],
  ['data', /\bdata\b|\bdatasets?\b|\bdata ?sources?\b|\bcorpus\b|\bdata collection\b/],
  [
    'method',
    /\bmethods?\b|\bmethodology\b|\bapproach\b|\bmodels?\b|\bmodell?ing\b|\bpipeline\b|\barchitecture\b|\btechniques?\b|\balgorithms?\b|\bfeatures?\b|\bfeature engineering\b|\bsolution\b|\bhow it works\b|\btraining\b/,
  ],
  [
    'problem',
    /\bproblem\b|\bmotivation\b|\boverview\b|\bintroduction\b|\bintro\b|\bbackground\b|\babout\b|\bobjectives?\b|\bgoals?\b|\bbusiness\b|\bcontext\b|\bwhy\b|\bdescription\b|\bsummary\b|\babstract\b|\bpurpose\b|\bquestions?\b|\buse case\b/,
  ],
];

export function classifyHeading(title: string): ReadmeSectionKind {
  const text = title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s-]/gu, ' ')
    .replace(/^\s*[\d.]+\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [kind, pattern] of RULES) if (pattern.test(text)) return kind;
  return 'other';
}
