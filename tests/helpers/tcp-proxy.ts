import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Cuts every connection once this many bytes have gone from the server to the client (once). */
  cutAfter(bytes: number): void;
  cuts: number;
  stop(): Promise<void>;
}

/** A TCP relay on loopback that can drop its connections mid-stream, as a flaky network would. */
export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let budget: number | null = null;
  const proxy: TcpProxy = {
    port: 0,
    cuts: 0,
    cutAfter: (bytes) => {
      budget = bytes;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('data', (chunk: Buffer) => {
      if (budget !== null) {
        budget -= chunk.length;
        if (budget <= 0) {
          budget = null;
          proxy.cuts++;
          for (const s of sockets) s.destroy();
          return;
        }
      }
      client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => upstream.write(chunk));
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', () => {
      sockets.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  proxy.port = (server.address() as { port: number }).port;
  return proxy;
}
