#!/usr/bin/env node
// paper-kg command-line entry: registers the TypeScript loader, then runs the CLI in src/cli/.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/index.ts');
await main(process.argv);
