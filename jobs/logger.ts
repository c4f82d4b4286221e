import { Logger } from "graphile-worker";

let shuttingDown = false;

/**
 * On Ctrl-C the terminal signals every process of the group, PostgreSQL included, so the worker's
 * pool sees its server go away while it stops: expected then, and not worth an error line.
 */
export function quietWorkerLogs(): void {
  shuttingDown = true;
}

// graphile-worker logs every poll and migration at info; keep warnings and errors only,
// unless WORKER_LOG=debug asks for everything.
export const workerLogger = new Logger(() => (level, message) => {
  if (process.env.WORKER_LOG === "debug" || (!shuttingDown && (level === "error" || level === "warning"))) {
    console.error(`[worker] ${level}: ${message}`);
  }
});
