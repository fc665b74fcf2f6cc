import type { RepoFiles } from '../../source/repo-files.js';
import type { PythonFacts } from '../python/types.js';
import { languageOf } from '../tree/classify.js';
import type { TreeFile } from '../tree/types.js';
import { baseName, type Problems, readConfig } from './read.js';
import type { InfraFacts } from './types.js';

/** Importing one of these means the repo serves something a person can click. */
const APP_FRAMEWORKS: Record<string, string> = {
  flask: 'flask',
  fastapi: 'fastapi',
  streamlit: 'streamlit',
  dash: 'dash',
  gradio: 'gradio',
  django: 'django',
  shiny: 'shiny',
  panel: 'panel',
  voila: 'voila',
};

export function findWebApps(python: PythonFacts, treePaths: readonly string[]): InfraFacts['webApps'] {
  const seen = new Set<string>();
  const apps: InfraFacts['webApps'] = [];
  const add = (framework: string, file: string, line: number) => {
    const key = `${framework}\0${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    apps.push({ framework, file, line });
  };
  const bokehServerFiles = new Set(
    python.calls.filter((c) => /(^|\.)curdoc$/.test(c.callee)).map((c) => c.file),
  );
  for (const imp of python.imports) {
    const framework = APP_FRAMEWORKS[imp.top];
    if (framework) add(framework, imp.file, imp.line);
    else if (imp.top === 'bokeh' && bokehServerFiles.has(imp.file)) add('bokeh', imp.file, imp.line);
  }
  for (const path of treePaths) {
    if (/(^|\/)manage\.py$/.test(path) || /(^|\/)settings\.py$/.test(path)) {
      if (treePaths.some((p) => /(^|\/)(wsgi|asgi)\.py$/.test(p))) add('django', path, 1);
    }
  }
  return apps.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** JavaScript sources opened to look for an Express server, at most. */
const MAX_JS_READS = 150;
/** Sources of a front end: a `package.json` with no such file beside it is a tool's manifest, not an app. */
const FRONT_END_SOURCE = /\.(jsx?|tsx?|mjs|vue|svelte)$/;
/** Packages that make a `package.json` a documentation or BI site rather than an app of the project's. */
const SITE_GENERATORS =
  /^(@docusaurus\/core|vitepress|vuepress|@evidence-dev\/evidence|hexo|@11ty\/eleventy)$/;

/**
 * Web apps in other stacks: a JavaScript front end (`package.json` depending on Next.js, Nuxt or Vue,
 * React, Angular or Svelte, with sources of its own beside it), an Express server (a source file
 * requiring `express` and calling it), a Spring web app (a Maven or Gradle build with a Spring
 * web starter). Folders of installed code (`node_modules`) are not in the tree, so their
 * manifests never count.
 */
export async function otherStackWebApps(
  files: RepoFiles,
  tree: readonly TreeFile[],
  problems: Problems,
): Promise<InfraFacts['webApps']> {
  const apps: InfraFacts['webApps'] = [];
  const add = (framework: string, file: string, line: number) => {
    if (!apps.some((a) => a.framework === framework)) apps.push({ framework, file, line });
  };
  const paths = tree.map((f) => f.path);
  for (const path of paths) {
    const base = baseName(path);
    if (base === 'package.json') {
      const folder = path.slice(0, path.length - base.length);
      const hasSources = paths.some(
        (p) =>
          p.startsWith(folder) &&
          FRONT_END_SOURCE.test(p) &&
          languageOf(p) !== null &&
          !/\.config\.\w+$/.test(p),
      );
      if (!hasSources) continue;
      const framework = frontEndOf(await readConfig(files, path, problems));
      if (framework) add(framework, path, 1);
    } else if (/^(pom\.xml|build\.gradle(\.kts)?)$/.test(base)) {
      const text = await readConfig(files, path, problems);
      if (text && /spring-boot-starter-(web|webflux|thymeleaf)\b|spring-webmvc\b/.test(text))
        add('spring', path, 1);
    }
  }
  const scripts = tree
    .filter((f) => /\.(js|mjs|cjs|ts)$/.test(f.path) && languageOf(f.path) !== null && f.size <= 256 * 1024)
    .slice(0, MAX_JS_READS);
  for (const f of scripts) {
    if (apps.some((a) => a.framework === 'express')) break;
    const text = await readConfig(files, f.path, problems);
    if (!text) continue;
    const imported = /\brequire\(\s*['"]express['"]\s*\)|\bfrom\s+['"]express['"]/.exec(text);
    if (imported && /\bexpress\s*\(\s*\)/.test(text)) {
      add('express', f.path, text.slice(0, imported.index).split('\n').length);
    }
  }
  return apps;
}

/** The front-end framework a `package.json` depends on, the meta-framework before the library. */
export function frontEndOf(text: string | null): string | null {
  if (!text) return null;
  let manifest: { dependencies?: unknown; devDependencies?: unknown };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch {
    return null;
  }
  const names = new Set<string>();
  for (const deps of [manifest.dependencies, manifest.devDependencies]) {
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
  }
  if ([...names].some((n) => SITE_GENERATORS.test(n))) return null;
  if (names.has('next')) return 'nextjs';
  if (names.has('nuxt') || names.has('vue')) return 'vue';
  if (names.has('@angular/core')) return 'angular';
  if (names.has('svelte') || names.has('@sveltejs/kit')) return 'svelte';
  if (names.has('react-dom')) return 'react';
  return null;
}
