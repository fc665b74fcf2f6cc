/**
 * Rules every check must follow, enforced over the whole registry: stable unique codes, valid
 * metadata, docs worth reading, a test beside the source, registration in its area, current docs.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DOCS_DIR, DOCUMENTED_CHECKS, renderCheckDoc, renderIndex } from '../../scripts/gen-docs.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { type AnyCheck, SEVERITIES } from '../../src/checks/types.js';
import { COLLECTOR_ORDER } from '../../src/facts.js';
import { isPrincipleId } from '../../src/principles.js';

const CHECKS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'checks');
const CHECK_FILE = /^([A-Z]{2,4}\d{3})-[a-z0-9-]+\.ts$/;
const MIN_DOC_CHARS = 60;
const MIN_CHECKS = 35;

interface CheckFile {
  area: string;
  file: string;
  code: string;
}

function areas(): string[] {
  return readdirSync(CHECKS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Every `<CODE>-<slug>.ts` source file (not its test) under src/checks/<area>/. */
function checkFiles(): CheckFile[] {
  const out: CheckFile[] = [];
  for (const area of areas()) {
    for (const file of readdirSync(join(CHECKS_DIR, area)).sort()) {
      if (file.endsWith('.test.ts')) continue;
      const match = CHECK_FILE.exec(file);
      if (match) out.push({ area, file, code: match[1]! });
    }
  }
  return out;
}

async function areaIndex(area: string): Promise<readonly AnyCheck[]> {
  const mod = (await import(pathToFileURL(join(CHECKS_DIR, area, 'index.ts')).href)) as {
    checks?: readonly AnyCheck[];
  };
  assert.ok(Array.isArray(mod.checks), `src/checks/${area}/index.ts must export a \`checks\` array`);
  return mod.checks;
}

async function defaultExport(file: CheckFile): Promise<AnyCheck> {
  const mod = (await import(pathToFileURL(join(CHECKS_DIR, file.area, file.file)).href)) as {
    default?: AnyCheck;
  };
  assert.ok(mod.default, `${file.area}/${file.file} must default-export its check`);
  return mod.default;
}

describe('check registry', () => {
  test(`at least ${MIN_CHECKS} checks are registered`, () => {
    assert.ok(ALL_CHECKS.length >= MIN_CHECKS, `only ${ALL_CHECKS.length} checks registered`);
  });

  test('codes are unique and well formed', () => {
    const seen = new Set<string>();
    for (const check of ALL_CHECKS) {
      assert.match(check.code, /^[A-Z]{2,4}\d{3}$/, `bad code ${JSON.stringify(check.code)}`);
      assert.ok(!seen.has(check.code), `code ${check.code} is used twice`);
      seen.add(check.code);
    }
  });

  test('names are kebab-case and unique', () => {
    const seen = new Set<string>();
    for (const check of ALL_CHECKS) {
      assert.match(check.name, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, `${check.code}: name ${check.name}`);
      assert.ok(!seen.has(check.name), `name ${check.name} is used twice`);
      seen.add(check.name);
    }
  });

  test('every source file is registered in its area index, and every registered check has a file', async () => {
    const files = checkFiles();
    const fromFiles = new Set<AnyCheck>();
    for (const file of files) {
      const check = await defaultExport(file);
      assert.equal(check.code, file.code, `${file.area}/${file.file} defines ${check.code}`);
      const index = await areaIndex(file.area);
      assert.ok(index.includes(check), `${file.code} is not registered in src/checks/${file.area}/index.ts`);
      fromFiles.add(check);
    }
    for (const check of ALL_CHECKS) {
      assert.ok(fromFiles.has(check), `${check.code} is registered but has no src/checks/<area>/<CODE>-*.ts`);
    }
  });

  test('every area index exports only checks whose files live in that area', async () => {
    const files = checkFiles();
    for (const area of areas()) {
      const codes = new Set(files.filter((f) => f.area === area).map((f) => f.code));
      for (const check of await areaIndex(area)) {
        assert.ok(
          codes.has(check.code),
          `src/checks/${area}/index.ts registers ${check.code} from elsewhere`,
        );
      }
    }
  });

  test('every check file has a test file beside it', () => {
    for (const file of checkFiles()) {
      const tests = readdirSync(join(CHECKS_DIR, file.area)).filter(
        (name) => name.startsWith(`${file.code}-`) && name.endsWith('.test.ts'),
      );
      assert.ok(tests.length > 0, `no src/checks/${file.area}/${file.code}-*.test.ts`);
    }
  });
});

describe('check metadata', () => {
  for (const check of ALL_CHECKS) {
    test(`${check.code} ${check.name}`, () => {
      assert.ok(isPrincipleId(check.principle), `unknown principle ${check.principle}`);
      assert.ok(SEVERITIES.includes(check.severity), `unknown severity ${check.severity}`);
      assert.ok(check.status === 'preview' || check.status === 'stable', `unknown status ${check.status}`);
      assert.ok(check.title.trim().length > 0, 'title is empty');
      assert.ok(check.advice.trim().length > 0, 'advice is empty');
      assert.ok(check.needs.length > 0, 'needs lists no facts');
      for (const need of check.needs) assert.ok(COLLECTOR_ORDER.includes(need), `unknown collector ${need}`);
      for (const key of ['what', 'why', 'fix'] as const) {
        const text = check.docs[key].trim();
        assert.ok(
          text.length >= MIN_DOC_CHARS,
          `docs.${key} has ${text.length} characters; write at least ${MIN_DOC_CHARS}`,
        );
      }
      assert.ok(check.docs.limitations.trim().length > 0, 'docs.limitations is empty');
      const messages = Object.entries(check.messages as Record<string, string>);
      assert.ok(messages.length > 0, 'no messages');
      for (const [id, template] of messages) assert.ok(template.trim().length > 0, `message ${id} is empty`);
      assert.ok(check.options !== null && typeof check.options === 'object', 'options must be an object');
    });
  }
});

describe('generated docs', () => {
  for (const check of DOCUMENTED_CHECKS) {
    test(`docs/checks/${check.code}.md exists and is current`, () => {
      const path = join(DOCS_DIR, `${check.code}.md`);
      assert.ok(existsSync(path), `${path} is missing; run npm run docs`);
      assert.equal(readFileSync(path, 'utf8'), renderCheckDoc(check), 'stale; run npm run docs');
    });
  }

  test('docs/checks/README.md is current', () => {
    const path = join(DOCS_DIR, 'README.md');
    assert.ok(existsSync(path), `${path} is missing; run npm run docs`);
    assert.equal(readFileSync(path, 'utf8'), renderIndex(DOCUMENTED_CHECKS), 'stale; run npm run docs');
  });

  test('audit and blog check codes never collide', () => {
    const codes = DOCUMENTED_CHECKS.map((c) => c.code);
    assert.equal(new Set(codes).size, codes.length);
  });

  test('no doc is left for a check that is no longer registered', () => {
    const codes = new Set(DOCUMENTED_CHECKS.map((c) => `${c.code}.md`));
    const orphans = readdirSync(DOCS_DIR).filter(
      (n) => n.endsWith('.md') && n !== 'README.md' && !codes.has(n),
    );
    assert.deepEqual(orphans, []);
  });
});
