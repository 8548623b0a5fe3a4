// Import cycles among src/ and web/src/, type-only imports included (ESLint's import-x/no-cycle does not count those).
// Usage: node --import tsx scripts/check-cycles.ts   (exit code 1 and each cycle listed when there is one)
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');
const DIRS = ['src', 'web/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => resolve(e.parentPath, e.name))
    .sort();
}

const files = DIRS.flatMap(sourceFiles);
const known = new Set(files);
const imports = new Map<string, string[]>();
for (const file of files) {
  // NOTE: preProcessFile lists every import and re-export specifier, `import type` included, without type-checking.
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets = importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s));
  imports.set(file, [...new Set(targets.filter((t) => known.has(t)))]);
}

// Tarjan's strongly connected components: every component of more than one module (or a self-import) is a cycle.
let counter = 0;
const index = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const cycles: string[][] = [];
function visit(v: string): void {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of imports.get(v) ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
  }
  if (low.get(v) === index.get(v)) {
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (imports.get(v) ?? []).includes(v)) cycles.push(component.sort());
  }
}
for (const f of files) if (!index.has(f)) visit(f);

if (cycles.length === 0) {
  process.stdout.write(`no import cycles among ${files.length} modules of ${DIRS.join(', ')}\n`);
} else {
  for (const c of cycles) process.stderr.write(`import cycle: ${c.map((f) => relative(ROOT, f)).join(' ↔ ')}\n`);
  process.stderr.write(`${cycles.length} import cycle(s), type-only imports included; move the shared types to a module both can import\n`);
  process.exitCode = 1;
}
