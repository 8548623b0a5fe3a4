// import-themes: a hand-made partition becomes the themes of a small real build, every output rewritten, nothing dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildToDirectory, loadGraphDirectory } from '../../src/io/build.ts';
import { importThemesDirectory, type ImportThemesSummary } from '../../src/io/import-themes.ts';
import { parsePartition } from '../../src/update/import-themes.ts';
import { PaperKgError } from '../../src/errors.ts';
import type { GraphJson } from '../../src/model/graph-json.ts';
import { toNeo4j } from '../../src/neo4j/index.ts';
import { parse } from 'csv-parse/sync';

const ROOT = join(import.meta.dirname, '../..');
const DAYS = ['2024-06-03', '2024-06-04', '2024-06-05'].map((d) => join(ROOT, 'test/fixtures/hf-daily-papers-api/2024-06', `${d}.json`));

describe('parsePartition', () => {
  it('reads plain CSV and cypher-shell --format plain output', () => {
    expect(parsePartition('\uFEFFkey,community\npaper:2401.00001,3\r\npaper:2401.00002,4\n\n', 'c.csv')).toEqual([
      { key: 'paper:2401.00001', community: '3', line: 2 },
      { key: 'paper:2401.00002', community: '4', line: 3 },
    ]);
    expect(parsePartition('key, community\n"paper:2401.00001", 12\n"paper:t-ab\\"c", 7\n', 'c.csv')).toEqual([
      { key: 'paper:2401.00001', community: '12', line: 2 },
      { key: 'paper:t-ab"c', community: '7', line: 3 },
    ]);
    // Columns found by name, in any order and case; a repeated row with the same community is read once.
    expect(parsePartition('"Community","n.key"\n1,"paper:a, b"\n1,"paper:a, b"\n', 'c.csv')).toEqual([{ key: 'paper:a, b', community: '1', line: 2 }]);
  });

  it('names the file and line of what it cannot read', () => {
    const fails = (text: string): string => {
      try {
        parsePartition(text, 'c.csv');
      } catch (e) {
        expect(e).toBeInstanceOf(PaperKgError);
        return (e as Error).message;
      }
      throw new Error('expected a failure');
    };
    expect(fails('')).toMatch(/c\.csv: the file is empty/);
    expect(fails('id;cluster\n')).toMatch(/c\.csv, line 1: expected a header with "key" and "community"/);
    expect(fails('key,community\npaper:a,1\npaper:b\n')).toMatch(/c\.csv, line 3: expected a key and a community/);
    expect(fails('key,community\npaper:a,NULL\n')).toMatch(/line 2/);
    expect(fails('key,community\npaper:a,1\npaper:a,2\n')).toMatch(/c\.csv, line 3: "paper:a" is in community 2 here and in 1 on line 2/);
  });
});

describe('import-themes on a build of three HF days', () => {
  let tmp: string;
  let before: GraphJson;
  let after: GraphJson;
  let summary: ImportThemesSummary;
  const groups: Record<string, string[]> = { '7': [], '8': [], '9': [], tiny: [] };
  let missing: string;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'paper-kg-import-themes-'));
    await buildToDirectory({ inputs: DAYS, out: join(tmp, 'build') });
    before = await loadGraphDirectory(join(tmp, 'build'));
    const papers = before.graph.nodes.filter((n) => n.attributes.kind === 'paper').map((n) => n.key);
    // A hand-made partition: papers dealt round-robin into 7, 8, 9; the last two in a community too small to be a theme; the first left out.
    missing = papers[0];
    papers.slice(1, -2).forEach((k, i) => groups[String(7 + (i % 3))].push(k));
    groups.tiny.push(...papers.slice(-2));
    const rows = Object.entries(groups).flatMap(([c, keys]) => keys.map((k) => `"${k}", ${c === 'tiny' ? 42 : c}`));
    writeFileSync(join(tmp, 'communities.csv'), ['key, community', ...rows, '"paper:0000.00000", 7'].join('\n') + '\n');
    summary = await importThemesDirectory({ dir: join(tmp, 'build'), partition: join(tmp, 'communities.csv'), out: join(tmp, 'themed') });
    after = await loadGraphDirectory(join(tmp, 'themed'));
  });

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('makes each community of 3+ papers one theme with exactly its papers; the rest in "other", reported', () => {
    const members = new Map<string, string[]>();
    for (const n of after.graph.nodes)
      if (n.attributes.kind === 'paper') (members.get(n.attributes.theme) ?? members.set(n.attributes.theme, []).get(n.attributes.theme)!).push(n.key);
    const themes = [...members.entries()].filter(([id]) => id !== 'other').map(([, keys]) => [...keys].sort());
    expect(themes.sort()).toEqual([groups['7'], groups['8'], groups['9']].map((g) => [...g].sort()).sort());
    expect([...members.get('other')!].sort()).toEqual([missing, ...groups.tiny].sort());
    expect(summary.report).toMatchObject({
      papers: before.meta.papers - 1,
      communities: 4,
      unknownKeys: [{ key: 'paper:0000.00000' }],
      missingPapers: [missing],
      conceptRows: 0,
    });
    const other = after.themes.find((t) => t.id === 'other')!;
    expect(other.note).toBe(
      'Not a theme: the papers no theme holds. 1 paper(s) were not in the imported partition; 2 paper(s) were in communities smaller than 3 papers.',
    );
    expect(after.meta.papers).toBe(before.meta.papers);
  });

  it('names, colours and summarises the themes with the themes stage, and keeps every position', () => {
    const colourOf = new Map(after.themes.map((t) => [t.id, t.color]));
    for (const t of after.themes.filter((t) => t.id !== 'other')) {
      expect(t.name).not.toBe('');
      expect(t.topConcepts.length).toBeGreaterThan(0);
      expect(t.centralPapers.every((k) => after.graph.nodes.find((n) => n.key === k)!.attributes.theme === t.id)).toBe(true);
    }
    expect(after.themes.map((t) => t.id)).toEqual(['t1', 't2', 't3', 'other']);
    const was = new Map(before.graph.nodes.map((n) => [n.key, n.attributes]));
    for (const n of after.graph.nodes) {
      expect(n.attributes.color).toBe(colourOf.get(n.attributes.theme));
      expect([n.attributes.x, n.attributes.y], n.key).toEqual([was.get(n.key)!.x, was.get(n.key)!.y]);
    }
    expect(after.meta.modularity).toBe(summary.report.modularity);
    // Every output follows: the GEXF and node CSV carry the new theme names.
    const name = after.themes[0].name;
    expect(readFileSync(join(tmp, 'themed', 'nodes.csv'), 'utf8')).toContain(name.includes(',') ? `"${name}"` : name);
    expect(readFileSync(join(tmp, 'themed', 'graph.gexf'), 'utf8')).toContain(name.replace(/&/g, '&amp;'));
  });

  it('reads back what the Neo4j export names: the key column of papers.csv, exported as communities.cypher says', async () => {
    const keys = (parse(toNeo4j(before)['papers.csv'], { columns: true }) as Record<string, string>[]).map((r) => r['key:ID(Node)']);
    expect(keys.length).toBe(before.meta.papers);
    // What cypher-shell --format plain prints for "RETURN n.key AS key, n.community AS community ORDER BY key": two communities by halves.
    const plain = ['key, community', ...keys.map((k, i) => `"${k}", ${i < keys.length / 2 ? 1001 : 1002}`)].join('\n') + '\n';
    writeFileSync(join(tmp, 'gds.csv'), plain);
    const r = await importThemesDirectory({ dir: join(tmp, 'build'), partition: join(tmp, 'gds.csv'), out: join(tmp, 'gds') });
    expect(r.report).toMatchObject({ rows: keys.length, papers: keys.length, communities: 2, unknownKeys: [], missingPapers: [] });
    expect(r.themes.map((t) => t.size).sort()).toEqual([Math.floor(keys.length / 2), Math.ceil(keys.length / 2)].sort());
  });

  it('CLI: warnings for unknown keys and missing papers on stderr', async () => {
    const r = await runCli(['import-themes', '--graph', join(tmp, 'build'), '--out', join(tmp, 'cli'), join(tmp, 'communities.csv')], { cwd: ROOT });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/warning: 1 key\(s\) are no node of the build, ignored: paper:0000\.00000 \(line \d+\)/);
    expect(r.stderr).toMatch(/warning: 1 paper\(s\) of the build are not in the partition, put in "other"/);
    expect(readFileSync(join(tmp, 'cli', 'graph.json'), 'utf8') === readFileSync(join(tmp, 'themed', 'graph.json'), 'utf8')).toBe(true);
  });
});
