// ESLint (flat config): typescript-eslint's recommended rules, no import cycles, and the model/ boundary (no stage imports).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';

const STAGES = ['extract', 'graph', 'themes', 'layout', 'export', 'ingest', 'fetch', 'io', 'update', 'query', 'serve', 'cli', 'neo4j'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'graph/', '.tmp/', 'test-results/', 'test/fixtures/', 'test/export/golden/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // NOTE: the typescript preset tells import-x to parse .ts files; without it no-cycle sees no TypeScript module at all.
  importX.flatConfigs.typescript,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', performance: 'readonly' } },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      // NOTE: a cycle between modules makes their load order matter and their seams unclear (issue 14); none allowed.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // NOTE: control characters in patterns are the point where untrusted text is cleaned (export/text.ts, tokenize.ts).
      'no-control-regex': 'off',
      // NOTE: the readers write two assignments as one comma-sequenced statement ("(best = d), (most = n)").
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    // Browser tests and benches read the page's globals through `any` (window.__paperKg…): the page is not typed here.
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The model is the shared contract of every stage and of the viewer: it imports no stage. Other viewer modules may use
    // a stage's pure code (the GEXF writer, the sentence bounds), which is what keeps the browser's exports the CLI's.
    files: ['src/model/**/*.ts', 'web/src/model.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: STAGES.map((s) => ({
            group: [`**/src/${s}/*`, `../${s}/*`],
            message: "model/ and the viewer's model import contracts from src/model/, not from a stage",
          })),
        },
      ],
    },
  },
  // Last: turns off every rule that Prettier's formatting decides.
  prettier,
);
