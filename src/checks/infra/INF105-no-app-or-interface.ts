import { defineCheck } from '../types.js';

/** How people write the frameworks' names; the facts keep lower-case ids (`nextjs`, `shiny`). */
const FRAMEWORK_NAME: Record<string, string> = {
  flask: 'Flask',
  fastapi: 'FastAPI',
  streamlit: 'Streamlit',
  dash: 'Dash',
  gradio: 'Gradio',
  django: 'Django',
  shiny: 'Shiny',
  panel: 'Panel',
  voila: 'Voilà',
  bokeh: 'Bokeh',
  plumber: 'plumber',
  nextjs: 'Next.js',
  react: 'React',
  vue: 'Vue',
  angular: 'Angular',
  svelte: 'Svelte',
  express: 'Express',
  spring: 'Spring',
};

export default defineCheck({
  code: 'INF105',
  name: 'no-app-or-interface',
  title: 'There is an app or interface someone can use',
  principle: 'boring-skills',
  severity: 'low',
  status: 'preview',
  needs: ['infra'],
  messages: {
    none: 'No web app (Flask, FastAPI, Streamlit, Gradio, Dash …) or command-line interface',
    app: '{{article}} {{framework}} app in {{file}}',
    tool: 'The tool itself is the interface: {{how}}',
  },
  options: {},
  advice: 'Wrap the model in a small Streamlit, Gradio or FastAPI app so people can try it.',
  docs: {
    what: 'Web apps built with flask, fastapi, streamlit, dash, gradio, django, shiny, panel, voila or a bokeh server, or console scripts declared in pyproject.toml.',
    why: 'A model someone can click or call is worth more to a hiring manager than a notebook of scores: it shows the candidate thinks about users and can deliver something usable, and it makes the portfolio easy to demo.',
    fix: 'Add an `app.py` with Streamlit or Gradio (a few dozen lines) or a FastAPI endpoint that loads the model and predicts, and link it from the README.',
    limitations:
      'Apps are recognised from imports in Python code, R Shiny and plumber, JavaScript front ends (a `package.json` with Next.js, Vue, React, Angular or Svelte), Express and Spring builds. A tool or pipeline (its workflow or API is the interface) and a replication pass (docs/adr/0009-routes.md).',
  },
  run({ facts, route, fail, pass }) {
    const app = facts.infra.webApps[0];
    if (app) {
      const framework = FRAMEWORK_NAME[app.framework] ?? app.framework;
      pass(
        'app',
        { article: /^[AEIOU]/i.test(framework) ? 'An' : 'A', framework, file: app.file },
        { file: app.file, line: app.line },
      );
      return;
    }
    const cli = facts.infra.entryPoints.find((e) => e.kind === 'console-script');
    if (cli)
      pass(
        'app',
        { article: 'A', framework: `command-line (${cli.detail ?? 'script'})`, file: cli.path },
        { file: cli.path },
      );
    // A pipeline or a package is used through its workflow or its API; an app is not asked of it.
    else if (route.id === 'tool-pipeline') pass('tool', { how: route.reasons[0] ?? 'a tool or pipeline' });
    else if (route.id === 'replication')
      pass('tool', { how: 'a replication is read and re-run, not clicked' });
    else fail('none');
  },
});
