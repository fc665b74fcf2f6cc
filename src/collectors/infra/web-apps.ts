import type { PythonFacts } from '../python/types.js';
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
