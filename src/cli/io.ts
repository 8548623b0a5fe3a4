// Where a CLI run writes and what it reads of its environment: the process's, or a caller's (tests run the CLI in-process).
import { AsyncLocalStorage } from 'node:async_hooks';

/** A stream the CLI writes text to; progress bars draw only when `isTTY` is true. */
export interface CliStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /** Environment the commands read (PAPER_KG_CONTACT, CI); the process's by default. */
  env: NodeJS.ProcessEnv;
  /** Exit code so far: commands set it to 1 when some input failed but the run went on. */
  exitCode: number;
}

const current = new AsyncLocalStorage<CliIo>();

/** The I/O of the CLI run in progress (the process's when there is none, e.g. a command called directly). */
export function cliIo(): CliIo {
  return current.getStore() ?? { stdout: process.stdout, stderr: process.stderr, env: process.env, exitCode: 0 };
}

/** Records a failure exit code for the run in progress (process.exitCode when there is none). */
export function setExitCode(code: number): void {
  const io = current.getStore();
  if (io) io.exitCode = code;
  else process.exitCode = code;
}

/** Runs `body` with `io` as the CLI's I/O; everything it awaits sees the same io, concurrent runs stay apart. */
export function withCliIo<T>(io: CliIo, body: () => Promise<T>): Promise<T> {
  return current.run(io, body);
}
