// The CLI's process entry without the TypeScript loader, for bundling (bin/paper-kg.js registers tsx, then does the same).
import { run } from '../../src/cli/index.ts';

const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
if (code) process.exitCode = code;
