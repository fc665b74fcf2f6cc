import { defineCheck } from '../types.js';

export default defineCheck({
  code: 'INF106',
  name: 'not-deployed',
  title: 'The project is deployed somewhere',
  principle: 'boring-skills',
  severity: 'low',
  status: 'preview',
  needs: ['infra'],
  messages: {
    none: 'No deployment configuration (Procfile, fly.toml, Hugging Face Space, Kubernetes, Terraform …)',
    deployed: 'Deployment via {{kind}} ({{file}})',
  },
  options: {},
  advice: 'Deploy the app (Hugging Face Spaces, Streamlit Cloud, Fly.io, Render) and link it in the README.',
  docs: {
    what: 'Deployment configs: Procfile, Heroku app.json, fly.toml, render.yaml, GAE app.yaml, serverless.yml, vercel.json, netlify.toml, railway.json, Kubernetes manifests, ECS task definitions, Helm charts, Terraform, MLflow MLproject, BentoML, SageMaker and Hugging Face Spaces front matter.',
    why: 'Shipping is the step most portfolios skip. A live demo shows end-to-end ownership, and a reviewer can try it in thirty seconds instead of installing anything.',
    fix: 'Pick the simplest host for your app (a Hugging Face Space for Gradio/Streamlit, Fly.io or Render for FastAPI), commit its config file and put the live link at the top of the README.',
    limitations:
      'Only configuration files in the repository are seen; an app deployed through a web console with no file in the repo is missed.',
  },
  run({ facts, fail, pass }) {
    const first = facts.infra.deployment[0];
    if (first) pass('deployed', { kind: first.kind, file: first.path }, { file: first.path });
    else fail('none');
  },
});
