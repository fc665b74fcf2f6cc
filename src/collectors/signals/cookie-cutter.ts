import { calleeName, type FileCode } from './code-index.js';
import { STACK_ROLES } from './stack.js';
import type { SignalsFacts } from './types.js';

type CookieCutter = SignalsFacts['cookieCutterNotebooks'][number];

const STEPS: { step: string; names: RegExp }[] = [
  {
    step: 'load',
    names:
      /^(read_csv|read_excel|read_parquet|read_table|load_dataset|load_iris|load_wine|load_breast_cancer|load_digits|load_diabetes|fetch_openml|fetch_california_housing)$/,
  },
  { step: 'inspect', names: /^(head|info|describe|value_counts|isnull|isna|corr)$/ },
  { step: 'split', names: /^train_test_split$/ },
  { step: 'fit', names: /^fit$/ },
  {
    step: 'metric',
    names:
      /^(accuracy_score|f1_score|precision_score|recall_score|roc_auc_score|classification_report|confusion_matrix|mean_squared_error|mean_absolute_error|r2_score|score|cross_val_score)$/,
  },
];
/** A split is usual but not required: the barest uploads fit and score on the training data. */
const REQUIRED = ['load', 'fit', 'metric'];

/** Roles that take a notebook beyond the stock tabular recipe. */
const BEYOND_STOCK = new Set([
  'dl',
  'nlp',
  'cv',
  'audio',
  'llm',
  'collection',
  'database',
  'orchestration',
  'app',
  'geo',
  'graph',
]);

/**
 * Notebooks whose code is the stock recipe: load a CSV, glance at it, split, fit, print a metric,
 * and nothing else (no collection, no own modules, no library beyond the tabular basics).
 */
export function findCookieCutter(
  files: Iterable<FileCode>,
  localModules: ReadonlySet<string>,
  collecting: ReadonlySet<string>,
): CookieCutter[] {
  const out: CookieCutter[] = [];
  for (const code of files) {
    if (!code.file.toLowerCase().endsWith('.ipynb') || collecting.has(code.file)) continue;
    if (code.imports.some((imp) => localModules.has(imp.top))) continue;
    if (code.imports.some((imp) => BEYOND_STOCK.has(STACK_ROLES[imp.top]?.[1] ?? ''))) continue;
    if (!code.imports.some((imp) => imp.top === 'sklearn')) continue;
    const found: { step: string; callee: string; cell: number | undefined }[] = [];
    for (const { step, names } of STEPS) {
      const call = code.calls.find((c) => names.test(calleeName(c.callee)));
      if (call) found.push({ step, callee: call.callee, cell: call.cell });
    }
    const steps = found.map((f) => f.step);
    if (!REQUIRED.every((s) => steps.includes(s))) continue;
    const first = found[0]!;
    const entry: CookieCutter = { file: code.file, steps: found.map((f) => `${f.step}: ${f.callee}`) };
    if (first.cell !== undefined) entry.cell = first.cell;
    out.push(entry);
  }
  return out;
}
