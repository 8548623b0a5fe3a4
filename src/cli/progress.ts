// Terminal progress bars, one per stage with counts and ETA; silent without a TTY or with --quiet.
import cliProgress from 'cli-progress';
import { SILENT_PROGRESS, type ProgressReporter } from '../progress.ts';

export function createCliProgress(
  opts: { quiet?: boolean },
  stream: NodeJS.WriteStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): ProgressReporter {
  // NOTE: CI logs keep every redraw of a bar as text, so a CI run stays quiet even on a pseudo-terminal.
  if (opts.quiet || !stream.isTTY || env.CI) return SILENT_PROGRESS;
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(stage, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        { stream, format: `${stage.padEnd(10)} [{bar}] {value}/{total} | {percentage}% | ETA {eta_formatted}`, hideCursor: true, clearOnComplete: false, etaBuffer: 50 },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(total, 1), 0);
    },
    update(done) {
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
