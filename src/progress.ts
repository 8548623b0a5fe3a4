// Progress of long stages, reported by the library and drawn (or not) by whoever runs it.

export interface ProgressReporter {
  /** A stage begins with `total` units of work (papers, iterations, …). */
  start(stage: string, total: number): void;
  /** `done` units of the current stage are finished (absolute, not an increment). */
  update(done: number): void;
  /** The current stage is over. */
  stop(): void;
}

export const SILENT_PROGRESS: ProgressReporter = Object.freeze({
  start() {},
  update() {},
  stop() {},
});
