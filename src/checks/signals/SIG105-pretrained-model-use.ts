import { defineCheck } from '../types.js';
import { firstEvidence, listOf } from './evidence.js';

export default defineCheck({
  code: 'SIG105',
  name: 'pretrained-model-use',
  title: 'Uses pretrained models on unstructured data',
  principle: 'pretrained-models',
  severity: 'medium',
  status: 'preview',
  needs: ['signals'],
  messages: {
    fromScratch:
      'Works with {{modalities}} data but loads no pretrained model; a pretrained network usually beats training from scratch here.',
    uses: 'Uses pretrained models: {{models}}.',
  },
  options: {},
  advice:
    'Start from a pretrained network (Hugging Face, torchvision, timm, spaCy) and fine-tune it on your images, audio or text.',
  docs: {
    what: 'Looks for pretrained models loaded by the code (from_pretrained, transformers pipelines, torchvision or timm weights, keras.applications, TF Hub, torch.hub, sentence-transformers, spaCy models, YOLO, hosted LLM APIs) and for image, audio, text or video data handled by the repository.',
    why: 'Fine-tuning a pretrained network on images, audio or text gets useful results in days and is how most teams work today. A hiring manager sees a candidate who knows that, rather than one who trains a small network from scratch or only fits models on tables. This principle is a bonus: absence does not lower the total.',
    fix: 'Pick a pretrained model that fits your data (a ResNet or ViT for images, a BERT-style model for text, Whisper for audio), fine-tune or use its embeddings, and compare it with a simple baseline.',
    limitations:
      'Decision: a purely tabular project (no image, audio, text or video handling found) is not applicable rather than failed, since pretrained networks rarely help there. Model names built at run time show as "a model from a variable"; `pretrained=True` is read from the call\'s own lines only. Not applicable to a replication that loads no pretrained model: it trains as the paper does.',
  },
  run({ facts: { signals }, route, fail, pass, notApplicable }) {
    if (signals.pretrainedModels.length > 0) {
      return pass(
        'uses',
        { models: listOf(signals.pretrainedModels.map((m) => `${m.name} (${m.via})`)) },
        firstEvidence(signals.pretrainedModels, (m) => `${m.name} via ${m.via}`),
      );
    }
    // A replication trains the way the paper did; telling it to fine-tune would take it off its route.
    if (route.id === 'replication') {
      return notApplicable('replication route: trains as the replicated paper does, from scratch');
    }
    if (signals.unstructuredData.length === 0) {
      return notApplicable('no image, audio, text or video data found: a tabular project');
    }
    fail(
      'fromScratch',
      { modalities: listOf(signals.unstructuredData.map((u) => u.modality)) },
      firstEvidence(signals.unstructuredData, (u) => `${u.modality} via ${u.via}`, 3),
    );
  },
});
