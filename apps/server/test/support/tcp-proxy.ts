import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * What the database looks like from the server while cut:
 * - `refused`: nothing listens any more (PostgreSQL stopped, host up): connections fail at once;
 * - `silent`: connections are accepted and never answered (network partition, overloaded host):
 *   only a client-side timeout ends the wait.
 * Either way the connections open at the cut are reset, as a restart or a failover would.
 */
export type CutMode = "refused" | "silent";

export interface TcpProxy {
  port: number;
  cut(mode: CutMode): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of PostgreSQL, so a test can take the database away from one server
 * process and give it back, without touching the PostgreSQL other tests use.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: CutMode | "open" = "open";
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    // A reset peer is the point of the exercise, not a test failure.
    socket.on("error", () => {});
  };

  const onConnection = (client: Socket) => {
    track(client);
    if (mode === "refused") return client.resetAndDestroy();
    if (mode === "silent") return;
    const upstream = connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  };

  let server: Server = createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        if (typeof address === "object" && address) resolve(address.port);
        else reject(new Error("proxy has no port"));
      });
    });
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const resetAll = () => {
    for (const socket of sockets) socket.resetAndDestroy();
    sockets.clear();
  };

  const port = await listen(0);
  return {
    port,
    async cut(next) {
      mode = next;
      resetAll();
      if (next === "refused") await stopListening();
    },
    async restore() {
      const wasRefused = mode === "refused";
      mode = "open";
      // Silent connections still waiting must give up, so the pool opens fresh ones.
      resetAll();
      if (wasRefused) {
        server = createServer(onConnection);
        await listen(port);
      }
    },
    async close() {
      resetAll();
      if (server.listening) await stopListening();
    },
  };
}
