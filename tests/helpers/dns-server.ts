import { createSocket } from 'node:dgram';
import { Resolver } from 'node:dns';
import type { LookupFunction } from 'node:net';

/**
 * A DNS server on 127.0.0.1 that answers NXDOMAIN to every question, and a lookup function that asks it: name
 * resolution failures are tested with a real resolver without any query leaving this machine.
 */
export async function startNxdomainServer(): Promise<{ lookup: LookupFunction; stop(): Promise<void> }> {
  const socket = createSocket('udp4');
  socket.on('message', (query, peer) => {
    if (query.length < 12) return;
    const reply = Buffer.from(query);
    reply[2] = 0x81 | (query[2]! & 0x01); // QR=1, opcode 0, RD copied
    reply[3] = 0x83; // RA=1, RCODE=3 (NXDOMAIN)
    reply.writeUInt16BE(0, 6); // no answers
    reply.writeUInt16BE(0, 8);
    reply.writeUInt16BE(0, 10);
    socket.send(reply.subarray(0, findQuestionEnd(query)), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const resolver = new Resolver({ timeout: 2000, tries: 1 });
  resolver.setServers([`127.0.0.1:${socket.address().port}`]);
  const lookup = ((host: string, _options: unknown, callback: (error: NodeJS.ErrnoException | null, address: string, family: number) => void) => {
    resolver.resolve4(host, (error, addresses) => {
      if (error) callback(Object.assign(error, { code: error.code === 'ENODATA' ? 'ENOTFOUND' : error.code }), '', 4);
      else callback(null, addresses[0]!, 4);
    });
  }) as unknown as LookupFunction;
  return { lookup, stop: () => new Promise((resolve) => socket.close(() => resolve())) };
}

/** The header (12 bytes) plus the first question: QNAME labels, QTYPE and QCLASS. */
function findQuestionEnd(query: Buffer): number {
  let i = 12;
  while (i < query.length && query[i] !== 0) i += query[i]! + 1;
  return Math.min(query.length, i + 5);
}
