/**
 * The PBX simulator: one real HTTP server on 127.0.0.1 that stands in for all providers, each
 * mounted under its own prefix. It records every request, can be told to misbehave (slow, 5xx,
 * dropped connection, rate limit, a proxy's web page, a cut-off or huge answer, no answer at all,
 * a redirect to another host), and keeps a clock of its own so tests can expire sessions or
 * put the provider's time out of step with the client's.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderId } from '../../src/providers/types';
import { FonemaSim, type FonemaSimOptions } from './providers/fonema';
import { FonialSim, type FonialSimOptions } from './providers/fonial';
import { SipgateSim, type SipgateSimOptions } from './providers/sipgate';
import { VoipcenterSim, type VoipcenterSimOptions } from './providers/voipcenter';
import type { Fault, ProviderSim, RecordedRequest, SimClock, SimRequest, SimResponse } from './types';

/** Where each provider lives below the simulator's origin; the rest of the path is the API's. */
export const MOUNTS = {
  fonial: '/fonial/api/2.0',
  voipcenter: '/voipcenter/api',
  sipgate: '/sipgate/v2',
  fonema: '/fonema/api',
} as const satisfies Record<ProviderId, string>;

export type SimulatedProvider = keyof typeof MOUNTS;

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly fonial?: FonialSimOptions;
  readonly voipcenter?: VoipcenterSimOptions;
  readonly sipgate?: SipgateSimOptions;
  readonly fonema?: FonemaSimOptions;
}

export class Simulator implements SimClock {
  readonly requests: RecordedRequest[] = [];
  /** Called for every provider request as it arrives (the demo prints them live). */
  onRequest: ((request: RecordedRequest) => void) | undefined;
  readonly fonial: FonialSim;
  readonly voipcenter: VoipcenterSim;
  readonly sipgate: SipgateSim;
  readonly fonema: FonemaSim;
  /** Added to the real clock: the provider's idea of now. */
  clockOffsetMs = 0;
  #faults: (Fault & { remaining: number })[] = [];
  #server: Server | undefined;
  #origin = '';

  constructor(options: SimulatorOptions = {}) {
    this.fonial = new FonialSim(this, options.fonial);
    this.voipcenter = new VoipcenterSim(this, options.voipcenter);
    this.sipgate = new SipgateSim(this, options.sipgate);
    this.fonema = new FonemaSim(this, options.fonema);
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Moves the provider's clock forward (session expiry without waiting). */
  advance(ms: number): void {
    this.clockOffsetMs += ms;
  }

  get origin(): string {
    return this.#origin;
  }

  baseUrl(provider: SimulatedProvider): string {
    return `${this.#origin}${MOUNTS[provider]}`;
  }

  #sims(): Record<SimulatedProvider, ProviderSim> {
    return { fonial: this.fonial, voipcenter: this.voipcenter, sipgate: this.sipgate, fonema: this.fonema };
  }

  /** Requests one provider received, optionally only those to `path`. */
  received(provider: ProviderId, path?: string): RecordedRequest[] {
    return this.requests.filter((r) => r.provider === provider && (path === undefined || r.path === path));
  }

  fault(fault: Fault): void {
    this.#faults.push({ ...fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clearFaults(): void {
    this.#faults = [];
  }

  /** Forgets requests, faults, sessions and calls; accounts and the port stay. */
  reset(): void {
    this.requests.length = 0;
    this.clearFaults();
    this.clockOffsetMs = 0;
    for (const sim of Object.values(this.#sims())) sim.reset();
  }

  async start(port = 0): Promise<this> {
    const server = createServer((req, res) => {
      this.#dispatch(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`simulator error: ${String(error)}`);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.#server = server;
    this.#origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    if (url.pathname.startsWith('/__sim/')) return this.#control(url, req.method ?? 'GET', body, res);

    const mount = (Object.entries(MOUNTS) as [SimulatedProvider, string][]).find(
      ([, prefix]) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`),
    );
    if (!mount) return writeJson(res, 404, { error: 'no provider is mounted here' }, this.now());
    const [provider, prefix] = mount;
    const request: SimRequest = {
      provider,
      method: req.method ?? 'GET',
      path: url.pathname.slice(prefix.length) || '/',
      query: url.searchParams,
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
      ),
      body,
      json: parseJson(body),
      receivedAt: this.now(),
    };

    const fault = this.#takeFault(request);
    if (fault?.kind === 'refuse') {
      req.socket.destroy();
      return;
    }
    // Recorded on arrival, so a test sees a request even while its answer is still delayed.
    const record: RecordedRequest = { ...request };
    this.requests.push(record);
    this.onRequest?.(record);
    if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 2_000);
    if (fault?.kind === 'server-error') {
      record.answeredStatus = fault.status ?? 503;
      return writeText(res, record.answeredStatus, 'Service Unavailable', this.now());
    }
    if (fault?.kind === 'rate-limit') {
      record.answeredStatus = 429;
      res.setHeader('retry-after', fault.retryAfter ?? '1');
      return writeText(res, 429, 'Too Many Requests', this.now());
    }
    if (fault?.kind === 'web-page') {
      record.answeredStatus = fault.status ?? 502;
      return writeText(res, record.answeredStatus, PROXY_ERROR_PAGE, this.now(), {
        'content-type': 'text/html; charset=utf-8',
      });
    }
    if (fault?.kind === 'redirect') {
      record.answeredStatus = 307;
      const target = `${fault.location ?? 'http://127.0.0.1:9'}${url.pathname}${url.search}`;
      return writeText(res, 307, '', this.now(), { location: target });
    }

    const answer = await this.#sims()[provider].handle(request);
    if (fault?.kind === 'drop-after-receive') {
      req.socket.destroy();
      return;
    }
    // The provider acted; its answer never leaves (the socket closes when the client gives up).
    if (fault?.kind === 'hang') return;
    if (fault?.kind === 'truncated') {
      const full = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? '');
      record.answeredStatus = answer.status;
      res.writeHead(answer.status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(Buffer.byteLength(full)),
      });
      res.write(full.slice(0, Math.floor(full.length / 2)));
      // Let the half reach the client before the connection breaks off.
      setTimeout(() => req.socket.destroy(), 50);
      return;
    }
    if (fault?.kind === 'huge-body') {
      record.answeredStatus = 200;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      await streamPadding(res, fault.bytes ?? 10_000_000);
      return;
    }
    if (fault?.kind === 'bad-body') {
      record.answeredStatus = fault.status ?? 200;
      res.writeHead(record.answeredStatus, {
        'content-type': 'application/json; charset=utf-8',
        date: new Date(this.now()).toUTCString(),
      });
      res.end(fault.body ?? '{"head": {"status": "1"}, "body": {"sta');
      return;
    }
    record.answeredStatus = answer.status;
    respond(res, answer, this.now());
  }

  #takeFault(request: SimRequest): Fault | undefined {
    const fault = this.#faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.provider === undefined || f.provider === request.provider) &&
        (f.path === undefined || f.path === request.path),
    );
    if (fault) fault.remaining -= 1;
    return fault;
  }

  /** A small control API so a separate process (the demo, a browser test) can steer the sim. */
  #control(url: URL, method: string, body: string, res: ServerResponse): void {
    const [status, answer] = this.#controlAnswer(`${method} ${url.pathname}`, body);
    writeJson(res, status, answer, this.now());
  }

  #controlAnswer(route: string, body: string): [number, unknown] {
    switch (route) {
      case 'GET /__sim/requests':
        return [200, this.requests];
      case 'POST /__sim/reset':
        this.reset();
        return [200, { ok: true }];
      case 'POST /__sim/fault': {
        const fault = parseJson(body) as Fault | undefined;
        if (!fault || typeof fault.kind !== 'string') return [400, { error: 'fault expected' }];
        this.fault(fault);
        return [200, { ok: true }];
      }
      case 'POST /__sim/clear-faults':
        this.clearFaults();
        return [200, { ok: true }];
      case 'POST /__sim/clock': {
        // Puts the providers' clock out of step with the client's (VoipCenter's 5 s window).
        const offsetMs = (parseJson(body) as { offsetMs?: unknown } | undefined)?.offsetMs;
        if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) return [400, { error: 'offsetMs expected' }];
        this.clockOffsetMs = offsetMs;
        return [200, { ok: true }];
      }
      default:
        return [404, { error: 'unknown control endpoint' }];
    }
  }
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  return new Simulator(options).start(options.port);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A provider's own headers win over the defaults (pbxonline's JSON is not `application/json`). */
function respond(res: ServerResponse, answer: SimResponse, now: number): void {
  if (answer.json !== undefined) writeJson(res, answer.status, answer.json, now, answer.headers);
  else writeText(res, answer.status, answer.text ?? '', now, answer.headers);
}

/** `Date` follows the simulated clock: VoipCenter clients learn their offset from it. */
function writeJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  now: number,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    date: new Date(now).toUTCString(),
    ...headers,
  });
  res.end(JSON.stringify(value));
}

function writeText(
  res: ServerResponse,
  status: number,
  text: string,
  now: number,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', date: new Date(now).toUTCString(), ...headers });
  res.end(text);
}

/** What a reverse proxy answers when the PBX behind it does not. */
const PROXY_ERROR_PAGE =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** `bytes` of `{"pad":"xxxx…` in 64 kB chunks, stopping early when the client hangs up. */
async function streamPadding(res: ServerResponse, bytes: number): Promise<void> {
  const chunk = Buffer.alloc(65_536, 'x');
  res.write('{"pad":"');
  for (let sent = 0; sent < bytes && !res.destroyed; sent += chunk.length) {
    if (!res.write(chunk))
      await new Promise<void>((resolve) => res.once('drain', () => resolve()).once('close', () => resolve()));
  }
  if (!res.destroyed) res.end('"}');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
