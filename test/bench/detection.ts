/**
 * Detection benchmark: throughput of `findPhoneNumbers` on a generated 1 MB CRM-like text beside
 * raw libphonenumber `findNumbers` (leniency VALID, max metadata) on the same text in the same run,
 * and precision, recall and wrong numbers of both on each labelled corpus file (our own and the
 * suites imported from other projects), counted as the corpus test counts them.
 *
 * Times are process CPU time, not wall time: other work on the machine (parallel test runs,
 * builds) stretches wall time unevenly between the two engines, CPU time much less. Each round
 * runs both engines back to back, so the ratio is taken per round (under the same load) and the
 * median round's ratio is reported; times are the median rounds.
 */
import { type CountryCode, findNumbers } from 'libphonenumber-js/max';
import { findPhoneNumbers } from '../../src/phone';
import {
  type CorpusScore,
  corpusFiles,
  type Detect,
  foundOf,
  loadCorpus,
  loadCorpusFile,
  scoreCorpus,
} from '../fixtures/phone-corpus/corpus';
import { generateCrmText } from '../fixtures/phone-corpus/crm-text';
import { median, round } from './stats';

const TEXT_BYTES = 1_000_000;
const DEFAULT_COUNTRY: CountryCode = 'DE';
const ROUNDS = 7;

export async function detectionBench(): Promise<Record<string, number | string>> {
  const text = generateCrmText(TEXT_BYTES);
  const megabytes = Buffer.byteLength(text, 'utf8') / 1_000_000;

  const ours = () => findPhoneNumbers(text, { defaultCountry: DEFAULT_COUNTRY }).length;
  const raw = () => rawFindNumbers(text, DEFAULT_COUNTRY).length;
  const oursFound = ours();
  const rawFound = raw();
  const oursTimes: Timing[] = [];
  const rawTimes: Timing[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    oursTimes.push(timed(ours));
    rawTimes.push(timed(raw));
  }
  const oursMs = median(oursTimes.map((timing) => timing.cpu));
  const rawMs = median(rawTimes.map((timing) => timing.cpu));

  const corpus = loadCorpus();
  const oursScore = scoreCorpus(corpus, ringbackDetect);
  const rawScore = scoreCorpus(corpus, rawDetect);
  const perFile: Record<string, string> = {};
  for (const file of corpusFiles()) {
    const cases = loadCorpusFile(file);
    const ours = scoreCorpus(cases, ringbackDetect);
    const raw = scoreCorpus(cases, rawDetect);
    perFile[`file ${file} (${ours.positives} numbers, ${cases.length} cases)`] =
      `ringback P ${ours.precision.toFixed(3)} R ${ours.recall.toFixed(3)} wrong ${ours.wrongNumbers} · ` +
      `raw P ${raw.precision.toFixed(3)} R ${raw.recall.toFixed(3)} wrong ${raw.wrongNumbers}`;
  }

  return {
    'text (MB, UTF-8)': round(megabytes, 3),
    'default country': DEFAULT_COUNTRY,
    'ringback: numbers found': oursFound,
    'raw findNumbers: numbers found': rawFound,
    'ringback: ms (median CPU)': round(oursMs, 1),
    'raw findNumbers: ms (median CPU)': round(rawMs, 1),
    'ringback: ms (median wall)': round(median(oursTimes.map((timing) => timing.wall)), 1),
    'raw findNumbers: ms (median wall)': round(median(rawTimes.map((timing) => timing.wall)), 1),
    'ringback: MB/s': round(megabytes / (oursMs / 1000), 1),
    'raw findNumbers: MB/s': round(megabytes / (rawMs / 1000), 2),
    'throughput ratio (ringback / raw, median round)': round(
      median(oursTimes.map((timing, index) => (rawTimes[index]?.cpu ?? Number.NaN) / timing.cpu)),
      1,
    ),
    'corpus: cases': corpus.length,
    'corpus: numbers labelled': oursScore.positives,
    ...scoreColumns('ringback', oursScore),
    ...scoreColumns('raw findNumbers', rawScore),
    ...perFile,
  };
}

const ringbackDetect: Detect = (snippet, defaultCountry, item) =>
  findPhoneNumbers(snippet, { defaultCountry, countryHints: item.countryHints, direction: item.direction }).map(
    foundOf,
  );

const rawDetect: Detect = (snippet, defaultCountry) =>
  rawFindNumbers(snippet, defaultCountry).map((found) => ({
    e164: found.number.number,
    start: found.startsAt,
    end: found.endsAt,
  }));

/** libphonenumber's own text search, as the issue measured it: VALID leniency, max metadata. */
export function rawFindNumbers(text: string, defaultCountry: CountryCode) {
  // `leniency` is a documented option that the typings of `findNumbers` leave out.
  const options = { defaultCountry, leniency: 'VALID', v2: true } as const;
  return findNumbers(text, options);
}

function scoreColumns(engine: string, score: CorpusScore): Record<string, number> {
  return {
    [`${engine}: corpus precision`]: round(score.precision, 4),
    [`${engine}: corpus recall`]: round(score.recall, 4),
    [`${engine}: corpus wrong numbers`]: score.wrongNumbers,
    [`${engine}: corpus false positives (wrong numbers apart)`]: score.falsePositives - score.wrongNumbers,
    [`${engine}: corpus missed`]: score.falseNegatives,
  };
}

interface Timing {
  readonly cpu: number;
  readonly wall: number;
}

function timed(work: () => unknown): Timing {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  work();
  const wall = performance.now() - wallBefore;
  const cpu = process.cpuUsage(cpuBefore);
  return { cpu: (cpu.user + cpu.system) / 1000, wall };
}
