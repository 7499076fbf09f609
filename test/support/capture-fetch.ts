/**
 * A fetch for ProviderContext that records exactly what a client puts on the wire, then forwards
 * it to the real fetch (the simulator still answers). Golden tests compare the record with values
 * computed independently from the provider docs.
 */
export interface CapturedRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

export function captureFetch(): { fetch: typeof fetch; requests: CapturedRequest[] } {
  const requests: CapturedRequest[] = [];
  const capturing: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push({
      url: new URL(request.url),
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: await request.clone().text(),
    });
    return globalThis.fetch(request);
  };
  return { fetch: capturing, requests };
}

/** The query string exactly as sent (order and encoding included), without the leading `?`. */
export function rawQuery(request: CapturedRequest): string {
  return request.url.search.replace(/^\?/, '');
}
