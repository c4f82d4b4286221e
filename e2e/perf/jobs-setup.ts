// B8's two sides, what they are told and what they answer (e2e/perf/jobs-side.ts runs them).

export type Side = "ours" | "anchor";
export type RoundCommand = { type: "round"; jobs: number; samples: number; paceMs: number; dataDir: string; concurrency: number };
export type Cpu = { nodeMs: number; pgMs: number };

/** What every phase ends with: each job run once, none failed or left, and what it cost. */
type Outcome = {
  ranTwice: number;
  missing: number;
  failed: number;
  left: number;
  /** Write transactions (transaction ids taken) during the phase, less the benchmark's own adds, per job. */
  writesPerJob: number;
  cpu: Cpu;
};

export type BatchFigures = Outcome & {
  jobs: number;
  addMs: number;
  /** From the add_jobs commit to the last task's first line, and to the queue holding none of them. */
  ranMs: number;
  emptyMs: number;
  jobsPerSecond: number;
};

export type SeriesFigures = Outcome & {
  samples: number;
  paceMs: number;
  /** Per job: from sending its add_job (one statement, committed before it answers) to its task's first line. */
  fromSendMs: number[];
  /** The add_job round trip alone: the worker cannot see the job before its commit, inside it. */
  addJobMs: number[];
};

/** A phase asked with 0 jobs is skipped (the traced rounds run one phase at a time). */
export type RoundFigures = { side: Side; startMs: number; stopMs: number; otherJobs: number; batch: BatchFigures | null; series: SeriesFigures | null };
export type MeasuredRound = RoundFigures & { batch: BatchFigures; series: SeriesFigures };
export type SideMessage = { type: "ready" } | { type: "result"; figures: RoundFigures } | { type: "error"; message: string };

/** graphile-worker's perfTest/graphile.config.js as its docs publish it (Performance, "With batching"). */
export const anchorPreset = (connectionString: string, concurrency: number) => ({
  worker: {
    connectionString,
    concurrentJobs: concurrency,
    maxPoolSize: concurrency + 1,
    localQueue: { size: 500 },
    completeJobBatchDelay: 0,
    failJobBatchDelay: 0,
  },
});

export const BATCH_TASK = "log_if_999";
export const LATENCY_TASK = "latency";
