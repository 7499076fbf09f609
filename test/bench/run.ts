/**
 * `npm run bench`: runs the benchmark sections in order, prints each as a table and writes all
 * results to test/bench/report.json. `npm run bench -- detection` runs only the sections whose
 * names contain one of the given words, and keeps the other sections' last results in the report.
 *
 * A section is a name and an async function returning flat `label → number | string` results; add
 * one by appending it to SECTIONS. A failing section is reported and the others still run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { callLatencyBench } from './call-latency';
import { contentBundleSize, metadataChoiceBench } from './content-size';
import { detectionBench } from './detection';
import { pageLoadBench } from './page-load';
import { pageLoadFirefoxBench } from './page-load-firefox';
import { pageScanBench } from './page-scan';
import { savedPagesBench } from './saved-pages';

type Results = Record<string, number | string>;

interface Section {
  readonly name: string;
  readonly run: () => Promise<Results>;
}

const SECTIONS: readonly Section[] = [
  { name: 'detection', run: detectionBench },
  { name: 'content size', run: contentBundleSize },
  { name: 'metadata choice', run: metadataChoiceBench },
  { name: 'page scan', run: pageScanBench },
  { name: 'saved pages', run: savedPagesBench },
  { name: 'page load', run: pageLoadBench },
  { name: 'page load (Firefox)', run: pageLoadFirefoxBench },
  { name: 'call latency', run: callLatencyBench },
];

const REPORT = join(import.meta.dirname, 'report.json');

async function main(): Promise<void> {
  const filters = process.argv.slice(2).map((word) => word.toLowerCase());
  const chosen = SECTIONS.filter(
    (section) => filters.length === 0 || filters.some((word) => section.name.toLowerCase().includes(word)),
  );
  const report: Record<string, Results | { error: string }> = {};
  let failed = false;
  for (const section of chosen) {
    const started = performance.now();
    try {
      const results = await section.run();
      report[section.name] = results;
      printTable(section.name, results, performance.now() - started);
    } catch (error) {
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      report[section.name] = { error: message };
      console.error(`\n${section.name}: FAILED — ${message}`);
    }
  }
  // A partial run (`npm run bench -- detection`) updates its sections and keeps the others.
  const sections = filters.length > 0 ? { ...previousSections(), ...report } : report;
  writeFileSync(
    REPORT,
    `${JSON.stringify({ date: new Date().toISOString(), node: process.version, sections }, null, 2)}\n`,
  );
  console.log(`\nreport: ${REPORT}`);
  if (failed) process.exitCode = 1;
}

function previousSections(): Record<string, unknown> {
  if (!existsSync(REPORT)) return {};
  try {
    const previous: unknown = JSON.parse(readFileSync(REPORT, 'utf8'));
    const sections = typeof previous === 'object' && previous !== null ? Reflect.get(previous, 'sections') : undefined;
    return typeof sections === 'object' && sections !== null ? { ...sections } : {};
  } catch {
    return {};
  }
}

function printTable(name: string, results: Results, ms: number): void {
  const width = Math.max(...Object.keys(results).map((label) => label.length));
  console.log(`\n${name} (${(ms / 1000).toFixed(1)} s)`);
  console.log('-'.repeat(width + 14));
  for (const [label, value] of Object.entries(results)) console.log(`${label.padEnd(width)}  ${value}`);
}

await main();
