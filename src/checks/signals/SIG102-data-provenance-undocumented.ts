import { clip } from '../quote.js';
import { defineCheck } from '../types.js';
import { evidenceOf, firstEvidence, listOf } from './evidence.js';

export default defineCheck({
  code: 'SIG102',
  name: 'data-provenance-undocumented',
  title: 'The README says how the data was collected',
  principle: 'own-data',
  severity: 'medium',
  status: 'preview',
  needs: ['signals', 'readme'],
  messages: {
    noReadme:
      'The code collects data with {{libraries}}, but there is no README to say what was collected, when and how.',
    silent:
      'The code collects data with {{libraries}}, but the README has no data section and never says where the data came from.',
    thin: 'The README data section "{{title}}" has {{words}} words; say what was collected, from where, when and how (at least {{min}} words).',
    documented: 'The README describes the data: {{text}}',
  },
  options: {
    /** Words a README data section needs to count as describing the collection. */
    minDataSectionWords: 25,
  },
  advice: 'Add a Data section to the README saying what you collected, from where, when, how, and how much.',
  docs: {
    what: 'When the repository collects its own data, checks that the README says so: a data section of some substance, or a sentence naming the source and the method ("scraped from …", "collected via the … API").',
    why: 'Own data is only impressive when a reader can see what it is. A hiring manager wants to know the source, the time span, the size and the method in a minute, and whether you thought about terms of use and bias; undocumented data looks like a file of unknown origin.',
    fix: 'Write a short Data section: the source (site, API, sensor, survey), the dates collected, how many rows, the collection script to run, and any filtering or consent/terms-of-use notes.',
    limitations:
      'Judges presence and length, not accuracy; a README that names the source in a table or an image is missed. Not applicable when no collection code is found.',
  },
  run({ facts: { signals, readme }, options, fail, pass, notApplicable }) {
    if (signals.collection.length === 0) return notApplicable('no data-collection code found');
    const libraries = listOf(signals.collection.map((c) => c.library));
    const code = firstEvidence(signals.collection, (c) => `${c.library}: ${c.kind}`, 3);
    if (!readme.present || !readme.path) return fail('noReadme', { libraries }, code);
    const readmePath = readme.path;
    const sentences = signals.provenance.filter((p) => p.file === readmePath && p.line !== undefined);
    const sections = readme.sections.filter((s) => s.kind === 'data');
    const fullSection = sections.find((s) => s.words >= options.minDataSectionWords);
    if (fullSection) {
      return pass(
        'documented',
        { text: `section "${fullSection.title}" (${fullSection.words} words)` },
        {
          file: readmePath,
          line: fullSection.line,
        },
      );
    }
    if (sentences.length > 0)
      return pass('documented', { text: clip(sentences[0]!.text, 160) }, evidenceOf(sentences[0]!));
    const thin = sections[0];
    if (thin) {
      return fail(
        'thin',
        { title: thin.title, words: thin.words, min: options.minDataSectionWords },
        {
          file: readmePath,
          line: thin.line,
        },
      );
    }
    fail('silent', { libraries }, [{ file: readmePath, note: 'no data section' }, ...code]);
  },
});
