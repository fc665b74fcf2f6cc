import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'INF104',
  name: 'no-container',
  title: 'The project ships a container definition',
  principle: 'boring-skills',
  severity: 'medium',
  status: 'preview',
  needs: ['infra'],
  messages: {
    none: 'No Dockerfile or compose file',
    present: 'Container definition in {{files}}',
  },
  options: {},
  advice: 'Add a small Dockerfile that installs the dependencies and runs the project.',
  docs: {
    what: 'A `Dockerfile` (any `Dockerfile*`, `*.dockerfile`, `Containerfile`) or a compose file (`docker-compose.yml`, `compose.yaml`).',
    why: 'Docker is everyday engineering in most data teams. A Dockerfile shows you can package work so it runs the same elsewhere, and gives interviewers something concrete to ask about.',
    fix: 'Write a Dockerfile from a slim Python image that copies the code, installs pinned requirements and sets the command that runs the app or pipeline.',
    limitations: 'Only the presence of the file is checked, not whether it builds.',
  },
  run({ facts, fail, pass }) {
    const found = [...facts.infra.dockerfiles, ...facts.infra.compose];
    if (found.length === 0) fail('none');
    else
      pass(
        'present',
        { files: found.join(', ') },
        found.map((file) => ({ file })),
      );
  },
});
