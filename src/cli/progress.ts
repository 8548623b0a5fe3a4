// Terminal progress bars, one per stage with counts and ETA; silent without a TTY or with --quiet.
import cliProgress from 'cli-progress';
import { SILENT_PROGRESS, type ProgressReporter } from '../progress.ts';
import { cliIo } from './io.ts';

export function createCliProgress(
  opts: { quiet?: boolean },
  // NOTE: cli-progress draws on a real terminal stream; a run's stderr is one whenever it is a TTY (else the bars are off).
  stream: NodeJS.WriteStream = cliIo().stderr as NodeJS.WriteStream,
  env: NodeJS.ProcessEnv = cliIo().env,
): ProgressReporter {
  // NOTE: CI logs keep every redraw of a bar as text, so a CI run stays quiet even on a pseudo-terminal.
  if (opts.quiet || !stream.isTTY || env.CI) return SILENT_PROGRESS;
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(stage, total) {
      bar?.stop();
      bar = new cliProgress.SingleBar(
        {
          stream,
          format: `${stage.padEnd(10)} [{bar}] {value}/{total} | {percentage}% | ETA {eta_formatted}`,
          hideCursor: true,
          clearOnComplete: false,
          etaBuffer: 50,
        },
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
