/**
 * What detection costs the content script in size: its two stages as shipped (the first stage every
 * frame runs, the engine it loads where needed), and the phone engine alone bundled with each
 * libphonenumber metadata set (`min`, `mobile`, `max`) with the precision and recall each reaches
 * on the corpus — the numbers behind the metadata choice in docs/phone-detection.md.
 *
 * The content script is built with `wxt build` (production, minified) into `.output-bench/`
 * (or `$RINGBACK_OUT_DIR`), so a bench run never overwrites the builds other work is using. The
 * engine bundles are made with esbuild, which comes with tsx and Vite.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import type { CountryCode, findPhoneNumbers } from '../../src/phone';
import { loadCorpus, scoreCorpus } from '../fixtures/phone-corpus/corpus';
import { seededRandom } from '../fixtures/phone-corpus/crm-text';

const ROOT = join(import.meta.dirname, '..', '..');
const METADATA_SETS = ['min', 'mobile', 'max'] as const;
type MetadataSet = (typeof METADATA_SETS)[number];

export async function contentBundleSize(): Promise<Record<string, number | string>> {
  const outDir = process.env.RINGBACK_OUT_DIR ?? '.output-bench';
  execFileSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, RINGBACK_OUT_DIR: outDir },
    stdio: 'pipe',
  });
  const results: Record<string, number | string> = {};
  // The first stage runs in every frame; the engine only where a page may hold a number.
  for (const [label, name] of [
    ['first stage', 'content-boot.js'],
    ['engine', 'content-engine.js'],
  ] as const) {
    const content = readFileSync(join(ROOT, outDir, 'chrome-mv3', name));
    results[`${label}: file`] = join(outDir, 'chrome-mv3', name);
    results[`${label}: minified (bytes)`] = content.length;
    results[`${label}: gzip (bytes)`] = gzipSync(content, { level: 9 }).length;
  }
  results['metadata set in src/phone/libphonenumber.ts'] = metadataSetInUse();
  return results;
}

/** The phone engine alone with each metadata set: bundle size, and precision/recall on the corpus. */
export async function metadataChoiceBench(): Promise<Record<string, number | string>> {
  const directory = mkdtempSync(join(tmpdir(), 'ringback-phone-'));
  const corpus = loadCorpus();
  const results: Record<string, number | string> = {};
  try {
    for (const set of METADATA_SETS) {
      const file = join(directory, `phone-${set}.mjs`);
      const code = await bundleEngine(set);
      writeFileSync(file, code);
      const engine = (await import(pathToFileURL(file).href)) as { findPhoneNumbers: typeof findPhoneNumbers };
      const score = scoreCorpus(corpus, (text, defaultCountry) =>
        engine.findPhoneNumbers(text, { defaultCountry }).map((match) => match.e164),
      );
      results[`${set}: engine minified (bytes)`] = code.length;
      results[`${set}: engine gzip (bytes)`] = gzipSync(code, { level: 9 }).length;
      results[`${set}: corpus precision`] = Math.round(score.precision * 10_000) / 10_000;
      results[`${set}: corpus recall`] = Math.round(score.recall * 10_000) / 10_000;
      results[`${set}: random id-like digits accepted`] =
        `${(acceptedIds(engine.findPhoneNumbers) * 100).toFixed(1)} %`;
      const typed = engine.findPhoneNumbers('0900 1 234567', { defaultCountry: 'DE' })[0]?.type ?? 'none';
      results[`${set}: type of 0900 1 234567`] = typed;
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  return results;
}

const ID_MARKETS: readonly CountryCode[] = ['DE', 'AT', 'CH', 'BE', 'NL', 'FR', 'GB', 'ES', 'US'];

/**
 * The share of random digit strings shaped like national numbers (trunk `0` where the market
 * writes one, 9–11 digits, grouped 4+rest, no cue around them) that the engine calls phone numbers.
 * Context rules cannot tell these from numbers; only the numbering plan's assigned ranges can, so
 * this is what the stricter metadata buys on text the corpus does not cover. Lower is better.
 */
function acceptedIds(find: typeof findPhoneNumbers): number {
  const random = seededRandom(11);
  let accepted = 0;
  let total = 0;
  for (const country of ID_MARKETS) {
    for (let i = 0; i < 2_000; i++) {
      let digits = country === 'ES' || country === 'US' ? '' : '0';
      const length = 9 + Math.floor(random() * 3);
      while (digits.length < length) digits += Math.floor(random() * 10).toString();
      const text = `${digits.slice(0, 4)} ${digits.slice(4)}`;
      if (find(text, { defaultCountry: country }).length > 0) accepted++;
      total++;
    }
  }
  return accepted / total;
}

/** What the content script imports from src/phone, bundled and minified as Vite would. */
async function bundleEngine(set: MetadataSet): Promise<string> {
  const result = await build({
    stdin: {
      contents: "export { findPhoneNumbers, parseDialInput } from './src/phone';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    plugins: [useMetadataSet(set)],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  return output.text;
}

/** Swaps `libphonenumber-js/max` (and its metadata) for another set, as a one-line change would. */
function useMetadataSet(set: MetadataSet): Plugin {
  return {
    name: 'libphonenumber-metadata-set',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^libphonenumber-js\/max(\/metadata)?$/ }, async (args) => {
        if (args.pluginData === 'redirected') return undefined;
        const resolved = await pluginBuild.resolve(args.path.replace('/max', `/${set}`), {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: 'redirected',
        });
        return { path: resolved.path, errors: resolved.errors };
      });
    },
  };
}

function metadataSetInUse(): string {
  const source = readFileSync(join(ROOT, 'src', 'phone', 'libphonenumber.ts'), 'utf8');
  return /from 'libphonenumber-js\/(\w+)'/.exec(source)?.[1] ?? 'unknown';
}
