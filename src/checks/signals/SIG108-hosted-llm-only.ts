import { defineCheck } from '../types.js';
import { firstEvidence, listOf } from './evidence.js';

export default defineCheck({
  code: 'SIG108',
  name: 'hosted-llm-only',
  title: 'Runs pretrained models itself, not only a hosted LLM API',
  principle: 'pretrained-models',
  severity: 'low',
  status: 'preview',
  needs: ['signals'],
  messages: {
    hostedOnly:
      'Every pretrained model is a hosted API ({{models}}); nothing is loaded, fine-tuned or evaluated locally.',
    local: 'Loads pretrained models itself: {{models}}.',
  },
  options: {},
  advice:
    'Besides the hosted LLM, fine-tune or evaluate an open pretrained model yourself and compare the two on your data.',
  docs: {
    what: 'When the code uses pretrained models, checks whether any of them is loaded and run by the project (Hugging Face, torchvision, spaCy …) rather than all being calls to a hosted LLM API (OpenAI, Anthropic, Gemini).',
    why: 'A thin wrapper around a chat API is the most common portfolio project of the moment, and it shows little a hiring manager can assess. Loading, fine-tuning or at least evaluating a model yourself shows you understand what the model does, what it costs, and how to measure it.',
    fix: 'Add an open model (a small transformer, an embedding model, a vision backbone) next to the API call, evaluate both on a labelled sample of your data, and report accuracy, cost and latency.',
    limitations:
      'Recognises the OpenAI, Anthropic and Gemini clients and LangChain chat wrappers; other hosted services count as local if their client is not known. Not applicable when no pretrained model is found.',
  },
  run({ facts: { signals }, fail, pass, notApplicable }) {
    const models = signals.pretrainedModels;
    if (models.length === 0) return notApplicable('no pretrained models found');
    const local = models.filter((m) => !m.hosted);
    if (local.length > 0) {
      return pass(
        'local',
        { models: listOf(local.map((m) => m.name)) },
        firstEvidence(local, (m) => `${m.name} via ${m.via}`, 3),
      );
    }
    fail(
      'hostedOnly',
      { models: listOf(models.map((m) => m.name)) },
      firstEvidence(models, (m) => `${m.name} via ${m.via}`, 3),
    );
  },
});
