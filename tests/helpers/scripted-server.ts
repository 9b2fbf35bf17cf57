import { createServer, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export interface ScriptedServer {
  port: number;
  /** Every line the clients sent, in order. */
  heard: string[];
  stop(): Promise<void>;
}

/**
 * A line-based server on loopback that misbehaves on purpose (no STARTTLS, no UIDL...): protocol cases a real
 * server cannot be configured into, or a TLS listener with a certificate chosen to fail. `answer` returns the lines
 * to send back for each line received.
 */
export async function startScriptedServer(
  greeting: string,
  answer: (line: string) => string[],
  options: { tls?: { key: string; cert: string } } = {},
): Promise<ScriptedServer> {
  const heard: string[] = [];
  const sockets = new Set<Socket>();
  const onConnection = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    socket.write(`${greeting}\r\n`);
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        heard.push(line);
        for (const reply of answer(line)) socket.write(`${reply}\r\n`);
        if (/^(\S+ )?(LOGOUT|QUIT)$/i.test(line)) socket.end();
      }
    });
  };
  const server = options.tls ? createTlsServer(options.tls, onConnection) : createServer(onConnection);
  // A client that rejects the certificate closes mid-handshake: expected here, not a test failure.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    heard,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
