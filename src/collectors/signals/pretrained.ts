import type { PyCall } from '../python/types.js';
import { at, calleeName, type FileCode, importsModule } from './code-index.js';
import type { SignalsFacts } from './types.js';

type Pretrained = SignalsFacts['pretrainedModels'][number];

/**
 * Returns the source text of a call and the few lines after it, so keyword arguments the python
 * facts do not keep (`pretrained=True`, `weights=None`) can be read; null when unknown.
 */
export type CallText = (call: PyCall) => string | null;

const KERAS_APPS =
  /^(Xception|VGG1[69]|ResNet\d+(V2)?|ResNetRS\d+|Inception(V3|ResNetV2)|MobileNet(V2|V3Small|V3Large)?|DenseNet\d+|NASNet(Mobile|Large)|EfficientNet(B\d|V2[BSML]\d?)|ConvNeXt\w+|RegNet\w+)$/;
const TORCHVISION_ARCH =
  /^(resnet\d+|resnext\w+|wide_resnet\w+|vgg\d+(_bn)?|alexnet|densenet\d+|mobilenet_v\d\w*|efficientnet_\w+|convnext_\w+|vit_\w+|swin_\w+|regnet_\w+|inception_v3|googlenet|squeezenet\w+|shufflenet\w+|mnasnet\w+|maxvit_\w+|fasterrcnn_\w+|maskrcnn_\w+|retinanet_\w+|deeplabv3_\w+|fcn_\w+|ssd\w*|keypointrcnn_\w+)$/;
const HOSTED_CREATE =
  /(chat\.completions|completions|messages|responses|embeddings)\.create$|^openai\.(ChatCompletion|Completion|Embedding)\.create$/;
const SPACY_MODEL = /^[a-z]{2,3}_(core|dep|ent|trf)_\w+$|^(en|de|fr|es|xx)_\w+_(sm|md|lg|trf)$/;

function namedBy(call: PyCall, fallback: string): string {
  return (
    call.stringArgs[0] ??
    call.stringKwargs.model ??
    call.stringKwargs.model_name ??
    call.stringKwargs.pretrained_model_name_or_path ??
    fallback
  );
}

/** `pretrained=True` or `weights=<something other than None>` in the call's text. */
function asksForWeights(call: PyCall, text: CallText): boolean {
  const w = call.stringKwargs.weights;
  if (w !== undefined) return w.toLowerCase() !== 'none';
  if (call.stringKwargs.pretrained !== undefined) return true;
  const src = text(call);
  if (src === null) return false;
  return /\bpretrained\s*=\s*True\b/.test(src) || /\bweights\s*=\s*(?!None\b)[\w.'"]/.test(src);
}

/** One decision per call: which pretrained model it loads, if any. */
function classify(
  call: PyCall,
  code: FileCode,
  text: CallText,
): Omit<Pretrained, 'file' | 'line' | 'cell'> | null {
  const name = calleeName(call.callee);
  const callee = call.callee;
  if (name === 'from_pretrained')
    return { name: namedBy(call, 'a model from a variable'), via: callee, hosted: false };
  if (name === 'pipeline' && importsModule(code, 'transformers')) {
    const task = call.stringArgs[0] ?? call.stringKwargs.task ?? 'a task';
    return {
      name: call.stringKwargs.model ?? `default model for ${task}`,
      via: 'transformers.pipeline',
      hosted: false,
    };
  }
  if (name === 'SentenceTransformer' || name === 'CrossEncoder')
    return { name: namedBy(call, 'a sentence-transformers model'), via: name, hosted: false };
  if (callee === 'torch.hub.load') {
    const repo = call.stringArgs[0] ?? 'a hub repo';
    return { name: call.stringArgs[1] ? `${repo}:${call.stringArgs[1]}` : repo, via: callee, hosted: false };
  }
  if (
    (name === 'load' || name === 'KerasLayer') &&
    importsModule(code, 'tensorflow_hub') &&
    /^(hub|tensorflow_hub)\./.test(callee)
  ) {
    return { name: namedBy(call, 'a TF Hub model'), via: `tensorflow_hub.${name}`, hosted: false };
  }
  if (name === 'create_model' && importsModule(code, 'timm') && asksForWeights(call, text)) {
    return { name: namedBy(call, 'a timm model'), via: 'timm.create_model', hosted: false };
  }
  if (TORCHVISION_ARCH.test(name) && importsModule(code, 'torchvision') && asksForWeights(call, text)) {
    return { name, via: 'torchvision.models', hosted: false };
  }
  if (
    KERAS_APPS.test(name) &&
    (importsModule(code, 'keras.applications') ||
      importsModule(code, 'tensorflow.keras.applications') ||
      /applications\./.test(callee))
  ) {
    const w = call.stringKwargs.weights;
    const src = text(call);
    const noWeights = src !== null && /\bweights\s*=\s*None\b/.test(src);
    if ((w === undefined && !noWeights) || (w !== undefined && w.toLowerCase() !== 'none')) {
      return { name, via: 'keras.applications', hosted: false };
    }
    return null;
  }
  if (callee === 'spacy.load' && call.stringArgs[0] && SPACY_MODEL.test(call.stringArgs[0])) {
    return { name: call.stringArgs[0], via: callee, hosted: false };
  }
  if (name === 'YOLO' && importsModule(code, 'ultralytics'))
    return { name: namedBy(call, 'a YOLO model'), via: 'ultralytics.YOLO', hosted: false };
  if (name === 'load' && importsModule(code, 'gensim.downloader') && call.stringArgs[0]) {
    return { name: call.stringArgs[0], via: 'gensim.downloader', hosted: false };
  }
  if (name === 'load_model' && importsModule(code, 'whisper'))
    return { name: `whisper ${namedBy(call, 'model')}`, via: 'whisper.load_model', hosted: false };
  if (callee === 'clip.load') return { name: `CLIP ${namedBy(call, 'model')}`, via: callee, hosted: false };
  if (
    /^(vision_learner|cnn_learner|unet_learner|text_classifier_learner|language_model_learner)$/.test(name) &&
    importsModule(code, 'fastai')
  ) {
    return { name: `fastai ${name}`, via: name, hosted: false };
  }
  if (HOSTED_CREATE.test(callee) && (importsModule(code, 'openai') || importsModule(code, 'anthropic'))) {
    const provider = importsModule(code, 'anthropic') ? 'anthropic' : 'openai';
    return { name: call.stringKwargs.model ?? `${provider} model`, via: `${provider} API`, hosted: true };
  }
  if (name === 'GenerativeModel' && importsModule(code, 'google.generativeai')) {
    return { name: namedBy(call, 'a Gemini model'), via: 'google.generativeai', hosted: true };
  }
  if (/^Chat(OpenAI|Anthropic)$/.test(name))
    return { name: namedBy(call, name), via: `langchain ${name}`, hosted: true };
  return null;
}

/** Pretrained models the candidate's code loads: one entry per model name and file. */
export function findPretrained(files: Iterable<FileCode>, text: CallText): Pretrained[] {
  const out: Pretrained[] = [];
  for (const code of files) {
    const seen = new Set<string>();
    for (const call of code.calls) {
      const found = classify(call, code, text);
      if (!found || seen.has(`${found.via}|${found.name}`)) continue;
      seen.add(`${found.via}|${found.name}`);
      out.push({ ...found, ...at(call) });
    }
  }
  return out;
}

/** Calls whose keyword arguments decide whether weights are pretrained; only these need source text. */
export function needsCallText(call: PyCall): boolean {
  const name = calleeName(call.callee);
  return name === 'create_model' || TORCHVISION_ARCH.test(name) || KERAS_APPS.test(name);
}
