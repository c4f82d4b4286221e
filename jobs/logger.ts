import { Logger } from "graphile-worker";

// graphile-worker logs every poll and migration at info; keep warnings and errors only,
// unless WORKER_LOG=debug asks for everything.
export const workerLogger = new Logger(() => (level, message) => {
  if (process.env.WORKER_LOG === "debug" || level === "error" || level === "warning") {
    console.error(`[worker] ${level}: ${message}`);
  }
});
