import { AddressInfo, createServer, Socket } from 'node:net';

/**
 * A real TCP server on 127.0.0.1 in front of the mail catcher `npm test` started, relaying each
 * SMTP conversation byte for byte, that can stop answering: while stalled, it still accepts
 * connections and reads what clients send, but holds back every byte of the server's answers
 * (the greeting included) until `resume`, then lets them through — a slow server, not one that
 * refuses.
 */
export interface StallingSmtpProxy {
  readonly host: string;
  readonly port: number;
  /** Stops answering now. */
  stall(): void;
  /**
   * Stops answering once a client has sent the end of a message's data, so the server's answer
   * to it is held back; resolves at that moment.
   */
  stallAfterNextMessage(): Promise<void>;
  /** Answers again: what was held back goes out, in order. */
  resume(): void;
  close(): Promise<void>;
}

const END_OF_DATA = '\r\n.\r\n';

export async function openStallingSmtpProxy(upstream: {
  host: string;
  port: number;
}): Promise<StallingSmtpProxy> {
  let stalled = false;
  let armed: (() => void) | undefined;
  const held: { socket: Socket; chunk: Buffer }[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((client) => {
    const relay = new Socket();
    sockets.add(client);
    sockets.add(relay);
    let tail = '';
    relay.connect(upstream.port, upstream.host);
    client.on('data', (chunk) => {
      // Watched across chunk boundaries: the end of data may arrive split.
      const seen = tail + chunk.toString('latin1');
      const ended = seen.includes(END_OF_DATA);
      tail = ended ? '' : seen.slice(1 - END_OF_DATA.length);
      if (armed && ended) {
        stalled = true;
        armed();
        armed = undefined;
      }
      relay.write(chunk);
    });
    relay.on('data', (chunk) => {
      if (stalled) held.push({ socket: client, chunk });
      else client.write(chunk);
    });
    const end = () => {
      client.destroy();
      relay.destroy();
      sockets.delete(client);
      sockets.delete(relay);
    };
    client.on('close', end);
    relay.on('close', end);
    client.on('error', end);
    relay.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    stall: () => {
      stalled = true;
    },
    stallAfterNextMessage: () =>
      new Promise<void>((resolve) => {
        armed = resolve;
      }),
    resume: () => {
      stalled = false;
      for (const { socket, chunk } of held.splice(0)) {
        if (!socket.destroyed) socket.write(chunk);
      }
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
