import type { PyString } from '../../collectors/python/types.js';
import type { Evidence } from '../types.js';
import { defineCheck } from '../types.js';

/** Credential formats with a fixed, recognisable shape. */
const KNOWN_FORMATS: { kind: string; re: RegExp }[] = [
  { kind: 'AWS access key', re: /\b(AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: 'OpenAI API key', re: /\bsk-(proj-|svcacct-)?[A-Za-z0-9_-]{20,}/ },
  { kind: 'GitHub token', re: /\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})/ },
  { kind: 'Slack token', re: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { kind: 'Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { kind: 'Hugging Face token', re: /\bhf_[A-Za-z0-9]{30,}\b/ },
  { kind: 'Stripe key', re: /\b[sr]k_live_[A-Za-z0-9]{20,}/ },
];

/** Variable, keyword or dict-key names that hold a credential (`API_KEY`, `client_secret`, `db_password`). */
const SECRET_NAME =
  /(^|_)(api_?key|apikey|secret|secret_?key|client_?secret|token|access_?token|auth_?token|password|passwd|pwd)$/i;
const PASSWORD_NAME = /(password|passwd|pwd)$/i;
const PLACEHOLDER =
  /^(x+|\*+|\.+|-+)$|your|changeme|change_me|replace|example|dummy|placeholder|secret|password|token|<.*>|\{.*\}|\$\{|^none$|^null$|^test$|^todo$/i;

/** Shannon entropy in bits per character: keys are random, English words and identifiers are not. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Enough to recognise the value in the file, never enough to use it. */
export function maskSecret(value: string): string {
  return `${value.slice(0, 4)}…(${value.length} chars)`;
}

function classify(s: PyString, minEntropy: number): string | null {
  for (const { kind, re } of KNOWN_FORMATS) if (re.test(s.value)) return kind;
  if (!s.boundTo || !SECRET_NAME.test(s.boundTo)) return null;
  const value = s.value;
  if (/\s/.test(value) || PLACEHOLDER.test(value) || value.toLowerCase() === s.boundTo.toLowerCase())
    return null;
  if (/^(https?:|\/|\.\.?\/|[A-Za-z]:\\)/.test(value)) return null;
  if (PASSWORD_NAME.test(s.boundTo)) return value.length >= 6 ? 'password' : null;
  return value.length >= 16 && entropy(value) >= minEntropy ? `value of ${s.boundTo}` : null;
}

export default defineCheck({
  code: 'PY104',
  name: 'hardcoded-secrets',
  title: 'No credentials in the code',
  principle: 'clean-code',
  severity: 'high',
  status: 'preview',
  needs: ['python'],
  messages: {
    secret: 'A {{kind}} is written into {{where}} ({{masked}})',
  },
  options: { minEntropy: 3.5, maxShown: 10 },
  advice: 'Revoke every key committed to the repository and read secrets from environment variables instead.',
  docs: {
    what: 'API keys, tokens and passwords written as string literals in Python files or notebook cells: known key formats (AWS, OpenAI, GitHub, Slack, Google, Hugging Face, Stripe) and random-looking values assigned to names like `api_key`, `token` or `password`.',
    why: 'A leaked key is a security incident, and a hiring manager reads it as someone who cannot yet be trusted with production systems or company data. Bots scrape public repositories for keys within minutes.',
    fix: 'Revoke the key now (removing it from the latest commit is not enough: it stays in history), then load it with `os.environ["API_KEY"]` or a `.env` file listed in `.gitignore`.',
    limitations:
      'Reads string literals only (not `.env`, YAML or notebook outputs); very long strings and f-strings are not examined. Findings show only the first characters of the value.',
  },
  run({ facts, options, fail, notApplicable }) {
    if (facts.python.files.every((f) => f.skipped !== undefined)) {
      notApplicable('no Python to read');
      return;
    }
    let shown = 0;
    for (const s of facts.python.strings) {
      if (shown >= options.maxShown) break;
      const kind = classify(s, options.minEntropy);
      if (!kind) continue;
      shown++;
      const evidence: Evidence =
        s.cell === undefined ? { file: s.file, line: s.line } : { file: s.file, cell: s.cell, line: s.line };
      const where = s.cell === undefined ? `${s.file}:${s.line}` : `${s.file} cell ${s.cell + 1}`;
      fail('secret', { kind, where, masked: maskSecret(s.value) }, evidence);
    }
  },
});
