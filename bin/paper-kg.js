#!/usr/bin/env node
// paper-kg command-line entry: registers the TypeScript loader, then runs the CLI in src/cli/ on the process's streams.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/index.ts');
const code = await run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
if (code) process.exitCode = code;
