import { createServer } from 'node:https';
import { request } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Certificate } from './certificates.js';

export type Route = (url: URL) => { status: number; body: string; type?: string } | null;

export interface HttpsFixture {
  /** Every URL asked for, as the client wrote it (host name included). */
  requests: string[];
  /**
   * A fetch for code under test: any https URL whose host ends in `.test` reaches this server on 127.0.0.1, with
   * the real host name as SNI and Host header, and the server's certificate checked against it (the fixture's CA).
   * Other hosts fail as an unknown name would.
   */
  fetch: (url: string, init: { signal: AbortSignal; headers?: Record<string, string> }) => Promise<Response>;
  stop(): Promise<void>;
}

/** A real HTTPS server on loopback serving `route`, for autoconfig tests. */
export async function startHttpsFixture(certificate: Certificate, route: Route): Promise<HttpsFixture> {
  const requests: string[] = [];
  const server = createServer({ key: certificate.keyPem, cert: certificate.certPem }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'unknown'}`);
    requests.push(url.href);
    const answer = route(url);
    res.writeHead(answer?.status ?? 404, { 'content-type': answer?.type ?? 'application/xml' });
    res.end(answer?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;

  const fetch: HttpsFixture['fetch'] = (address, init) =>
    new Promise((resolve, reject) => {
      const url = new URL(address);
      if (url.protocol !== 'https:' || !url.hostname.endsWith('.test')) {
        return reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), { code: 'ENOTFOUND' }));
      }
      const req = request(
        { host: '127.0.0.1', port, path: url.pathname + url.search, servername: url.hostname, ca: certificate.certPem, headers: { ...init.headers, host: url.hostname }, signal: init.signal },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500 })));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });

  return {
    requests,
    fetch,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
