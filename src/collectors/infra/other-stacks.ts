import type { RepoFiles } from '../../source/repo-files.js';
import type { ScriptsScan } from '../scripts/scan.js';
import { baseName, type Problems, readConfig } from './read.js';
import type { InfraFacts } from './types.js';

/** Files opened to look for dbt tests or Scrapy contracts, at most. */
const MAX_SNIFFS = 80;

/**
 * Tests in the forms other stacks use: R testthat files with `test_that()` blocks, dbt data tests
 * (`tests:`/`data_tests:` in a model's schema YAML, singular tests in `tests/*.sql`), and Scrapy
 * contracts (`@url`, `@returns`, `@scrapes` in a spider callback's docstring).
 */
export async function otherStackTests(
  files: RepoFiles,
  paths: readonly string[],
  scripts: ScriptsScan,
  problems: Problems,
): Promise<{ files: string[]; functions: number; frameworks: string[] }> {
  const found = new Map<string, number>();
  const frameworks = new Set<string>();

  for (const call of scripts.calls) {
    if (call.callee !== 'test_that' && call.callee !== 'describe') continue;
    if (!/(^|\/)tests?\/(testthat\/)?[^/]*\.R$/i.test(call.file)) continue;
    found.set(call.file, (found.get(call.file) ?? 0) + (call.callee === 'test_that' ? 1 : 0));
    frameworks.add('testthat');
  }

  let sniffs = 0;
  const dbtRoots = paths
    .filter((p) => /(^|\/)dbt_project\.ya?ml$/.test(p))
    .map((p) => p.slice(0, p.lastIndexOf('/') + 1));
  for (const root of dbtRoots) {
    for (const p of paths) {
      if (!p.startsWith(root)) continue;
      const rel = p.slice(root.length);
      if (/^tests\/.+\.sql$/i.test(rel)) {
        found.set(p, (found.get(p) ?? 0) + 1);
        frameworks.add('dbt');
      } else if (/^models\/.+\.ya?ml$/i.test(rel) && sniffs < MAX_SNIFFS) {
        sniffs++;
        const text = await readConfig(files, p, problems);
        const tests = text?.match(
          /^\s*-?\s*(data_)?tests:\s*$|^\s*-\s*(unique|not_null|accepted_values|relationships)\b/gm,
        );
        if (tests && tests.length > 0) {
          found.set(p, (found.get(p) ?? 0) + tests.length);
          frameworks.add('dbt');
        }
      }
    }
  }

  const spiders = paths.filter((p) => /(^|\/)spiders\/[^/]+\.py$/.test(p) && baseName(p) !== '__init__.py');
  for (const p of spiders) {
    if (sniffs++ >= MAX_SNIFFS) break;
    const text = await readConfig(files, p, problems);
    const contracts = text?.match(/^\s*@(url|returns|scrapes)\b/gm);
    if (contracts?.some((c) => /@url/.test(c)) && contracts.length > 1) {
      found.set(p, (found.get(p) ?? 0) + contracts.filter((c) => /@url/.test(c)).length);
      frameworks.add('scrapy-contracts');
    }
  }
  return {
    files: [...found.keys()].sort(),
    functions: [...found.values()].reduce((a, b) => a + b, 0),
    frameworks: [...frameworks].sort(),
  };
}

/** R web apps: Shiny (shinyApp, ui.R/server.R, app.R, `runtime: shiny` or Quarto `server: shiny` documents, golem, rhino) and plumber APIs. */
export function rWebApps(paths: readonly string[], scripts: ScriptsScan): InfraFacts['webApps'] {
  const apps: InfraFacts['webApps'] = [];
  const add = (framework: string, file: string, line: number) => {
    if (!apps.some((a) => a.framework === framework && a.file === file)) apps.push({ framework, file, line });
  };
  const shinyFiles = new Set(
    scripts.libraries
      .filter((l) => /^(shiny|shinydashboard|bslib|golem|rhino|flexdashboard)$/.test(l.name))
      .map((l) => l.file),
  );
  for (const call of scripts.calls) {
    if (
      /^(shinyApp|runApp|shinyServer|fluidPage|dashboardPage|navbarPage|page_sidebar|run_app)$/.test(
        call.callee,
      ) &&
      (shinyFiles.has(call.file) || call.pkg === 'shiny' || /(^|\/)(app|ui|server)\.R$/i.test(call.file))
    )
      add('shiny', call.file, call.line);
    if (
      /^(plumb|pr|pr_run)$/.test(call.callee) &&
      scripts.libraries.some((l) => l.name === 'plumber' && l.file === call.file)
    )
      add('plumber', call.file, call.line);
  }
  for (const l of scripts.libraries) if (l.name === 'plumber') add('plumber', l.file, l.line);
  const dirs = new Map<string, Set<string>>();
  for (const p of paths) {
    const m = /^(.*\/)?(ui|server)\.R$/i.exec(p);
    if (!m) continue;
    const set = dirs.get(m[1] ?? '') ?? new Set<string>();
    set.add(m[2]!.toLowerCase());
    dirs.set(m[1] ?? '', set);
  }
  for (const [dir, set] of dirs) if (set.has('ui') && set.has('server')) add('shiny', `${dir}ui.R`, 1);
  // R Markdown's `runtime: shiny`, Quarto's `server: shiny` (an interactive document served by Shiny).
  for (const doc of scripts.prose)
    if (/^(runtime:\s*shiny(_prerendered)?|server:\s*shiny)\s*$/m.test(doc.text)) add('shiny', doc.file, 1);
  return apps;
}
