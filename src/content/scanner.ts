/**
 * Finds phone numbers in the parts of the page it is given, in idle-time slices: a queue of
 * subtrees and text nodes to (re)scan, one walk at a time, each text run checked with a cheap
 * pre-filter before the real detector. Rescanning is idempotent: a run's nodes lose their old
 * numbers before the run's numbers are added. When the queue drains, the work it took is
 * published as a `ringback-scan` performance measure (the page-scan benchmark reads it).
 */
import { type CountryCode, type FindOptions, findPhoneNumbers, type PhoneMatch } from '../phone';
import {
  blockContainerOf,
  composedParent,
  isElement,
  isInlineElement,
  isInSkippedRegion,
  isShadowRoot,
  isText,
} from './dom-rules';
import { type IdleOptions, IdleScheduler, type SliceStats } from './idle';
import { callLinksIn, withCallLinkNumbers } from './link-matches';
import { PageCountry } from './page-country';
import type { PageNumbers } from './page-numbers';
import { type Run, ScanJob } from './scan-job';
import { TextDirections } from './text-direction';
import { isCutFromDigits, mayContainPhoneNumber, numberStart, textWindows } from './text-run';
import { WorkQueue } from './work-queue';

export const SCAN_MEASURE = 'ringback-scan';

/**
 * How long a slice may run while it gathers the page's country evidence (names in five languages,
 * the page's `+` numbers): once per page, in pieces of a few milliseconds, within a task well
 * short of a long one (50 ms).
 */
const GATHER_SLICE_MS = 30;

/** Characters of text read by the detector between two looks at the clock: about 0.1 ms of work. */
const DETECTED_CHARACTERS_PER_CLOCK = 200;

export interface ScanMeasureDetail {
  /** Time spent scanning (inside slices), ms. */
  readonly busyMs: number;
  readonly slices: number;
  readonly longestSliceMs: number;
  /** Numbers known on the page when the queue drained. */
  readonly numbers: number;
  readonly runs: number;
}

export interface ScannerOptions {
  readonly numbers: PageNumbers;
  readonly defaultCountry: CountryCode;
  /** An open shadow root turned up: observe it (the scanner queues it itself). */
  readonly onShadowRoot: (root: ShadowRoot) => void;
  readonly idle?: IdleOptions;
}

export class Scanner {
  readonly #numbers: PageNumbers;
  readonly #onShadowRoot: (root: ShadowRoot) => void;
  readonly #queue = new WorkQueue<Node>(composedParent);
  readonly #scheduler: IdleScheduler;
  readonly #seenShadowRoots = new WeakSet<ShadowRoot>();
  readonly #ruleChanged = new WeakSet<Node>();
  readonly #context: RunContext;
  #defaultCountry: CountryCode;
  #job: ScanJob | undefined;
  #runTask: RunTask | undefined;
  #sweep: ((shouldYield: () => boolean) => boolean) | undefined;
  #sweepRequested = false;
  #busySince: number | undefined;
  #runs = 0;
  /** Characters of detected runs since the clock was last read. */
  #detectedSinceClock = 0;
  /** When the current slice started. */
  #sliceStart = 0;
  #stopped = false;

  constructor(options: ScannerOptions) {
    this.#numbers = options.numbers;
    this.#defaultCountry = options.defaultCountry;
    this.#context = {
      countries: new PageCountry(document, {
        countryOfPlusNumber: (text) => findPhoneNumbers(text, { defaultCountry: this.#defaultCountry })[0]?.country,
      }),
      directions: new TextDirections(document),
      gatherUntil: () => performance.now() - this.#sliceStart >= GATHER_SLICE_MS,
    };
    this.#onShadowRoot = options.onShadowRoot;
    this.#scheduler = new IdleScheduler(
      (shouldYield) => this.#work(shouldYield),
      options.idle,
      (stats) => this.#drained(stats),
    );
  }

  /** Scan (again) this subtree or text node. */
  queue(node: Node): void {
    if (this.#stopped) return;
    this.#busySince ??= performance.now();
    this.#queue.add(node);
    this.#scheduler.schedule();
  }

  /**
   * The element's `hidden` or `contenteditable` changed: scan it if it is shown and read-only now,
   * forget its numbers if not. (Other changes inside skipped regions never had numbers to forget.)
   */
  queueRuleChange(element: Element): void {
    this.#ruleChanged.add(element);
    this.queue(element);
  }

  /** Something was removed from the page: check which numbers are gone. */
  requestSweep(): void {
    if (this.#stopped) return;
    this.#busySince ??= performance.now();
    this.#sweepRequested = true;
    this.#scheduler.schedule();
  }

  /** Numbers are read differently now: forget them all and scan `root` again. */
  rescan(root: Node, defaultCountry: CountryCode): void {
    this.#defaultCountry = defaultCountry;
    this.#job = undefined;
    this.#runTask = undefined;
    this.#queue.clear();
    this.#numbers.clear();
    this.#context.countries.reset();
    this.#context.directions.reset();
    this.queue(root);
  }

  get idle(): boolean {
    return !this.#job && !this.#runTask && !this.#sweep && !this.#sweepRequested && this.#queue.size === 0;
  }

  stop(): void {
    this.#stopped = true;
    this.#scheduler.cancel();
    this.#queue.clear();
    this.#job = undefined;
    this.#runTask = undefined;
    this.#sweep = undefined;
  }

  #work(shouldYield: () => boolean): boolean {
    this.#sliceStart = performance.now();
    // The page may have changed between slices, never within one: a job carried over from the
    // last slice is checked once, here.
    if (this.#job && !this.#job.root.isConnected) this.#job = undefined;
    while (!this.#stopped) {
      if (this.#sweepRequested && !this.#sweep) {
        this.#sweepRequested = false;
        this.#sweep = this.#numbers.sweep();
      }
      if (this.#sweep) {
        if (!this.#sweep(shouldYield)) return true;
        this.#sweep = undefined;
        continue;
      }
      if (this.#runTask) {
        if (!this.#runTask.step(shouldYield, false)) return true;
        this.#runTask = undefined;
        if (shouldYield()) return true;
        continue;
      }
      if (this.#job) {
        const run = this.#job.next(shouldYield);
        if (run === 'yield') return true;
        if (run === 'done') {
          this.#job = undefined;
          continue;
        }
        this.#runs++;
        // Rescanning replaces what the run's nodes had.
        if (this.#numbers.size > 0) for (const segment of run.segments) this.#numbers.dropNode(segment.node);
        // Most runs end here, in a few microseconds: the walk reads the clock for them (every few
        // dozen nodes), and nothing is allocated for them.
        if (!mayContainPhoneNumber(run.text)) continue;
        // Read in this very slice: the page had no chance to change the run's nodes yet.
        const task = new RunTask(run, this.#numbers, this.#context, this.#reader);
        if (!task.step(shouldYield, true)) {
          this.#runTask = task;
          return true;
        }
        // A run that went to the detector costs a few microseconds per character: the clock is
        // read once that adds up (most such runs are a cell's worth of text).
        this.#detectedSinceClock += run.text.length;
        if (this.#detectedSinceClock >= DETECTED_CHARACTERS_PER_CLOCK) {
          this.#detectedSinceClock = 0;
          if (shouldYield()) return true;
        }
        continue;
      }
      if (shouldYield()) return true;
      const item = this.#queue.take();
      if (item === undefined) return false;
      this.#job = this.#jobFor(item);
    }
    return false;
  }

  #jobFor(item: Node): ScanJob | undefined {
    if (!item.isConnected) return undefined;
    const ruleChanged = this.#ruleChanged.has(item);
    this.#ruleChanged.delete(item);
    if (isInSkippedRegion(item)) {
      if (ruleChanged) this.#dropWithin(item);
      return undefined;
    }
    const options = { onShadowRoot: (root: ShadowRoot) => this.#foundShadowRoot(root) };
    if (isText(item) || (isElement(item) && isInlineElement(item))) {
      const container = blockContainerOf(item);
      return container ? ScanJob.around(item, container, options) : undefined;
    }
    if (isShadowRoot(item)) this.#seenShadowRoots.add(item);
    return ScanJob.subtree(item, options);
  }

  /** How the detector reads `run`, worked out only when the run passes the pre-filter. */
  readonly #reader = (run: Run): RunReading => {
    const defaultCountry = this.#defaultCountry;
    const { countries, directions } = this.#context;
    const { countryHints, fallbackCountry, defaultCountryFits } = countries.readingFor(run.container, defaultCountry);
    const options: FindOptions = {
      defaultCountry,
      direction: directions.of(run.container, run.text),
      ...(countryHints.length > 0 ? { countryHints } : {}),
    };
    return {
      options,
      fallback: fallbackCountry ? { ...options, defaultCountry: fallbackCountry } : undefined,
      unfitCountry: defaultCountryFits ? undefined : defaultCountry,
    };
  };

  #foundShadowRoot(root: ShadowRoot): void {
    if (this.#seenShadowRoots.has(root)) return;
    this.#seenShadowRoots.add(root);
    this.#onShadowRoot(root);
    this.queue(root);
  }

  /** The region became hidden or editable: its numbers go. */
  #dropWithin(node: Node): void {
    if (isText(node)) {
      this.#numbers.dropNode(node);
      return;
    }
    const walker = (node.ownerDocument ?? document).createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (isText(text)) this.#numbers.dropNode(text);
    }
  }

  #drained(stats: SliceStats): void {
    if (!this.idle) return;
    const since = this.#busySince;
    this.#busySince = undefined;
    const runs = this.#runs;
    this.#runs = 0;
    if (since === undefined) return;
    const detail: ScanMeasureDetail = {
      busyMs: round(stats.busyMs),
      slices: stats.slices,
      longestSliceMs: round(stats.longestSliceMs),
      numbers: this.#numbers.size,
      runs,
    };
    try {
      // Only the latest stays in the page's timeline: a long-lived page would pile them up.
      performance.clearMeasures(SCAN_MEASURE);
      performance.measure(SCAN_MEASURE, { start: since, end: performance.now(), detail });
    } catch {
      // Timing is informational only.
    }
  }
}

/**
 * How a run is read: first with `options`; where that finds nothing, with `fallback`. National
 * numbers read in `unfitCountry` are dropped (the page's language rules that country out).
 */
interface RunReading {
  readonly options: FindOptions;
  readonly fallback: FindOptions | undefined;
  readonly unfitCountry: CountryCode | undefined;
}

/** What the scanner knows about the page beyond one run, read lazily. */
interface RunContext {
  readonly countries: PageCountry;
  readonly directions: TextDirections;
  /**
   * When gathering the page's evidence should stop for this slice. Not the slice's own deadline:
   * every number on the page waits for that evidence, and a page's first marks must not wait
   * for one idle period per piece; the pieces may take a slice up to GATHER_SLICE_MS.
   */
  readonly gatherUntil: () => boolean;
}

/** One text run that passed the pre-filter: detect window by window, then mark. */
class RunTask {
  #windows: ReturnType<typeof textWindows> | undefined;
  #reading: RunReading | undefined;
  #index = 0;
  readonly #found: PhoneMatch[] = [];

  constructor(
    private readonly run: Run,
    private readonly numbers: PageNumbers,
    private readonly context: RunContext,
    private readonly reader: (run: Run) => RunReading,
  ) {}

  /**
   * True when finished. `fresh`: the run was read in this slice, so its nodes are as read. The
   * scanner has already dropped the run's old numbers and checked it passes the pre-filter.
   */
  step(shouldYield: () => boolean, fresh: boolean): boolean {
    const run = this.run;
    // The page changed these nodes since they were read: the observer queued them again.
    if (!fresh && !run.segments.every((s) => s.node.data === s.text && s.node.isConnected)) return true;
    this.#windows ??= textWindows(run.text.length);
    const windows = this.#windows;
    if (!this.#reading) {
      if (!this.context.countries.gather(this.context.gatherUntil)) return false;
      this.#reading = this.reader(run);
    }
    const reading = this.#reading;
    for (; this.#index < windows.length; this.#index++) {
      if (this.#index > 0 && shouldYield()) return false;
      const part = windows[this.#index];
      if (!part || !mayContainPhoneNumber(run.text, part.start, part.end)) continue;
      const text = run.text.slice(part.start, part.end);
      let found = findPhoneNumbers(text, reading.options);
      if (found.length === 0 && reading.fallback) found = findPhoneNumbers(text, reading.fallback);
      for (const match of found) {
        const end = match.end + part.start;
        const start = numberStart(run.text, match.start + part.start, end);
        if (start < part.ownStart || start >= part.ownEnd || end <= start) continue;
        // All or nothing: digits going on into the next element make this a part of a number.
        if (run.digitsContinue(start, end)) continue;
        if (match.country === reading.unfitCountry && !isWrittenInternationally(run.text.slice(start, end))) continue;
        if (isAgainstEvidence(match, reading, run.text, start, end)) continue;
        this.#found.push(start === match.start ? match : { ...match, start, end });
      }
    }
    const links = callLinksIn(run);
    const marks = links.length > 0 ? withCallLinkNumbers(this.#found, links, run.text, reading.options) : this.#found;
    for (const match of marks) this.#add(match);
    return true;
  }

  #add(match: PhoneMatch): void {
    const run = this.run;
    const { start, end } = match;
    const from = run.locate(start, 'start');
    const to = run.locate(end, 'end');
    const range = (from.node.ownerDocument ?? document).createRange();
    try {
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
    } catch {
      return;
    }
    this.numbers.add({
      range,
      match,
      text: run.text.slice(start, end),
      nodes: run.nodesBetween(start, end),
      block: blockElementOf(run.container, from.node),
    });
  }
}

/**
 * A national number cut from a longer stretch of digits and read in the default country, on a page
 * whose evidence points to another: `18001 0800 0282 878` on a British page (text relay before a
 * freephone number) yielded a German `0282 878`. The page's own country could not read the part,
 * the default country only could because it was cut short: not taken.
 */
function isAgainstEvidence(match: PhoneMatch, reading: RunReading, text: string, start: number, end: number): boolean {
  const hints = reading.options.countryHints ?? [];
  return (
    hints.length > 0 &&
    match.country === reading.options.defaultCountry &&
    !isWrittenInternationally(text.slice(start, end)) &&
    isCutFromDigits(text, start, end)
  );
}

/** Written with `+` or `00` before the country code, so no country has to be guessed. */
function isWrittenInternationally(written: string): boolean {
  return /^[(\s]*(?:[+\uff0b]|00)/u.test(written);
}

/** The element the visibility observer watches for a run's block. */
function blockElementOf(container: Node, fallback: Text): Element {
  if (isElement(container)) return container;
  if (isShadowRoot(container)) return container.host;
  return fallback.parentElement ?? fallback.ownerDocument.documentElement;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
