import { fork, type ChildProcess } from "node:child_process";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { stopChild } from "../../lib/runtime/processes";

// A counting SMTP sink for the delivery benchmark. It keeps each message's Message-ID and size,
// and throws the body away: no MIME parsing (lib/mail/catcher.ts parses every message, which
// would make the sink, not the sender, the bottleneck). It runs in a child process of its own so
// that it does not share the sender's event loop; the parent talks to it over IPC.

export type SinkStats = {
  received: number;
  distinct: number;
  duplicates: number;
  /** Messages that came without a Message-ID header. */
  withoutId: number;
  bytes: number;
  /** CPU the sink process spent since the last reset (user + system), in ms. */
  cpuMs: number;
  ids?: string[];
};

type Request = { id: number; cmd: "reset" } | { id: number; cmd: "stats"; ids: boolean };
type Reply = { id: number; stats?: SinkStats };

const CHILD_FLAG = "DM_BENCH_SMTP_SINK";

function messageIdOf(head: string): string | null {
  // Unfold continuation lines, then read the header; ids are kept as written (<…@…>).
  const m = /^message-id:[ \t]*(.+)$/im.exec(head.replace(/\r\n[ \t]+/g, " "));
  return m ? m[1]!.trim() : null;
}

async function runSink() {
  const seen = new Map<string, number>();
  let received = 0;
  let withoutId = 0;
  let bytes = 0;
  let cpu = process.cpuUsage();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      let headDone = false;
      let id: string | null = null;
      stream.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (headDone) return;
        head += chunk.toString("latin1");
        const end = head.indexOf("\r\n\r\n");
        if (end >= 0 || head.length > 65_536) {
          headDone = true;
          id = messageIdOf(end >= 0 ? head.slice(0, end) : head);
          head = "";
        }
      });
      stream.on("end", () => {
        if (!headDone) id = messageIdOf(head);
        received += 1;
        if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
        else withoutId += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  process.on("message", (req: Request) => {
    if (req.cmd === "reset") {
      seen.clear();
      received = withoutId = bytes = 0;
      cpu = process.cpuUsage();
      process.send!({ id: req.id } satisfies Reply);
      return;
    }
    const used = process.cpuUsage(cpu);
    let duplicates = 0;
    for (const n of seen.values()) if (n > 1) duplicates += n - 1;
    const stats: SinkStats = { received, distinct: seen.size, duplicates, withoutId, bytes, cpuMs: (used.user + used.system) / 1000, ids: req.ids ? [...seen.keys()] : undefined };
    process.send!({ id: req.id, stats } satisfies Reply);
  });
  process.on("disconnect", () => server.close(() => process.exit(0)));
  process.send!({ port: (server.server.address() as AddressInfo).port });
}

export type Sink = { port: number; pid: number; reset: () => Promise<void>; stats: (withIds?: boolean) => Promise<SinkStats>; stop: () => Promise<void> };

/** Starts the sink in a child process (same Node flags as this one, so tsx loads it). */
export async function startSink(): Promise<Sink> {
  const child: ChildProcess = fork(import.meta.filename, [], { env: { ...process.env, [CHILD_FLAG]: "1" }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`SMTP sink exited with ${code} before listening`)));
    child.once("message", (m: { port: number }) => resolve(m.port));
  });
  let next = 0;
  const pending = new Map<number, (r: Reply) => void>();
  child.on("message", (m: Reply) => {
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  const ask = (req: Omit<Request, "id"> & { cmd: Request["cmd"] }) =>
    new Promise<Reply>((resolve) => {
      const id = ++next;
      pending.set(id, resolve);
      child.send({ ...req, id });
    });
  return {
    port,
    pid: child.pid!,
    reset: async () => void (await ask({ cmd: "reset" })),
    stats: async (withIds = false) => (await ask({ cmd: "stats", ids: withIds } as Request)).stats!,
    stop: async () => {
      child.removeAllListeners("exit");
      if (child.connected) child.disconnect();
      await stopChild(child, 3000);
    },
  };
}

if (process.env[CHILD_FLAG] === "1" && process.send) await runSink();
