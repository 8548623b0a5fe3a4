// Runs the paper-kg CLI in-process (src/cli run()) with captured stdout/stderr: no Node start and tsx load per command.
import { run } from '../../src/cli/index.ts';

export interface CliResult {
  /** Exit code, as the process would have exited with (0 on success). */
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: options.cwd,
    env: options.env,
  });
  return { status, stdout, stderr };
}
