import type { PythonFacts } from '../python/types.js';
import type { TreeFile } from '../tree/types.js';
import { baseName } from './read.js';
import type { InfraFacts } from './types.js';

/** Deployment configs recognised by file name alone. */
const BY_NAME: Record<string, string> = {
  Procfile: 'heroku',
  'fly.toml': 'fly.io',
  'render.yaml': 'render',
  'serverless.yml': 'serverless',
  'serverless.yaml': 'serverless',
  'vercel.json': 'vercel',
  'netlify.toml': 'netlify',
  'railway.json': 'railway',
  'railway.toml': 'railway',
  'Chart.yaml': 'helm',
  MLproject: 'mlflow',
  'bentofile.yaml': 'bentoml',
  'samconfig.toml': 'aws-sam',
  'template.yaml': 'aws-sam',
  'cloudbuild.yaml': 'cloud-build',
  'skaffold.yaml': 'kubernetes',
  'kustomization.yaml': 'kubernetes',
};

/** Root-only names: `app.yaml` is Google App Engine and `app.json` Heroku only at the root. */
const ROOT_ONLY: Record<string, string> = { 'app.yaml': 'app-engine', 'app.json': 'heroku' };

export function deploymentByName(tree: readonly TreeFile[], python: PythonFacts): InfraFacts['deployment'] {
  const out: InfraFacts['deployment'] = [];
  for (const f of tree) {
    const base = baseName(f.path);
    const kind = BY_NAME[base] ?? (f.path === base ? ROOT_ONLY[base] : undefined);
    if (kind && !(base === 'template.yaml' && !tree.some((t) => baseName(t.path) === 'samconfig.toml'))) {
      out.push({ kind, path: f.path });
    } else if (f.ext === 'tf') out.push({ kind: 'terraform', path: f.path });
  }
  const sagemaker = python.imports.find((i) => i.top === 'sagemaker');
  if (sagemaker) out.push({ kind: 'sagemaker', path: sagemaker.file });
  return out;
}

const K8S_KIND =
  /^kind:\s*["']?(Deployment|Service|StatefulSet|DaemonSet|Ingress|Pod|CronJob|Job|ReplicaSet|InferenceService|SeldonDeployment|HorizontalPodAutoscaler)\b/m;

export function isKubernetesManifest(text: string): boolean {
  return /^apiVersion:\s*\S/m.test(text) && K8S_KIND.test(text);
}

export function isEcsTaskDefinition(text: string): boolean {
  return /"containerDefinitions"\s*:/.test(text);
}

/** Hugging Face Spaces describe the app in the README's YAML front matter (`sdk: gradio`). */
export function spacesSdk(readme: string): string | null {
  const front = /^---\n([\s\S]*?)\n---/.exec(readme);
  if (!front) return null;
  const sdk = /^sdk:\s*["']?(gradio|streamlit|docker|static)\b/m.exec(front[1]!);
  return sdk ? sdk[1]! : null;
}
