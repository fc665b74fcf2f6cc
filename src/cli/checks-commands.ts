import type { AnyCheck } from '../checks/types.js';
import { PRINCIPLES } from '../principles.js';

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** `unherd checks`: one line per check. */
export function listChecks(checks: readonly AnyCheck[]): string {
  if (checks.length === 0) return 'No checks are registered yet.\n';
  const codeWidth = Math.max(4, ...checks.map((c) => c.code.length));
  const principleWidth = Math.max(9, ...checks.map((c) => c.principle.length));
  const lines = [
    `${pad('code', codeWidth)}  ${pad('principle', principleWidth)}  ${pad('severity', 8)}  title`,
  ];
  for (const c of checks) {
    lines.push(
      `${pad(c.code, codeWidth)}  ${pad(c.principle, principleWidth)}  ${pad(c.severity, 8)}  ${c.title}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export function findCheck(checks: readonly AnyCheck[], codeOrName: string): AnyCheck | undefined {
  const wanted = codeOrName.trim().toUpperCase();
  return checks.find((c) => c.code.toUpperCase() === wanted || c.name.toUpperCase() === wanted);
}

/** `unherd explain CODE`: the check's documentation. */
export function explainCheck(check: AnyCheck): string {
  const options = check.options && typeof check.options === 'object' ? Object.entries(check.options) : [];
  const lines = [
    `${check.code} ${check.name} (${check.status})`,
    check.title,
    '',
    `Principle: ${PRINCIPLES[check.principle].title} (${check.principle})`,
    `Severity:  ${check.severity}`,
    '',
    'What it finds',
    `  ${check.docs.what}`,
    '',
    'Why a hiring manager cares',
    `  ${check.docs.why}`,
    '',
    'How to fix it',
    `  ${check.docs.fix}`,
    '',
    'Limitations',
    `  ${check.docs.limitations}`,
    '',
    `Next step when it fails: ${check.advice}`,
  ];
  if (options.length > 0) {
    lines.push('', 'Options');
    for (const [key, value] of options) lines.push(`  ${key} = ${JSON.stringify(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
