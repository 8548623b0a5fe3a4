// External checkers for the exports (xmllint, networkx): found, or skipped with how to install them — but never under CI.
import { spawnSync } from 'node:child_process';

export interface Tool {
  available: boolean;
  /** Why it is skipped and how to install it, when it is not available. */
  reason: string;
}

function probe(command: string, args: string[], install: string): Tool {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  const available = r.status === 0;
  const reason = available ? '' : `${command} ${args.join(' ')} failed; install it with: ${install}`;
  if (!available && process.env.CI === 'true') throw new Error(`${reason} (CI=true: these checks must run)`);
  if (!available) process.stderr.write(`skipping: ${reason}\n`);
  return { available, reason };
}

export const XMLLINT = (): Tool => probe('xmllint', ['--version'], 'apt-get install -y libxml2-utils');
export const NETWORKX = (): Tool => probe('/usr/bin/python3', ['-c', 'import networkx'], 'apt-get install -y python3-networkx');
