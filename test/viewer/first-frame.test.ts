// first-frame.json (src/export/first-frame.ts): the viewer's first frame of a build, column by column graph.json's nodes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toFirstFrame } from '../../src/export/first-frame.ts';
import { FirstFrameSchema } from '../../src/model/first-frame-json.ts';
import { GraphJsonSchema } from '../../src/model/graph-json.ts';
import { syntheticGraph } from '../../scripts/synthetic-graph.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('first-frame.json', () => {
  const doc = GraphJsonSchema.parse(JSON.parse(readFileSync(join(ROOT, 'graph/graph.json'), 'utf8')));

  it("holds every node's drawing attributes in graph.json's order, and every theme's name, colour, size and anchor", () => {
    const ff = FirstFrameSchema.parse(toFirstFrame(doc));
    expect([ff.nodes, ff.edges]).toEqual([doc.graph.nodes.length, doc.graph.edges.length]);
    doc.graph.nodes.forEach(({ attributes: a }, i) => {
      expect([ff.kind[i], ff.theme[i], ff.color[i], ff.x[i], ff.y[i], ff.size[i], ff.label[i]]).toEqual([a.kind, a.theme, a.color, a.x, a.y, a.size, a.label]);
    });
    expect(ff.themes).toEqual(doc.themes.map((t) => ({ id: t.id, name: t.name, color: t.color, size: t.size, x: t.x, y: t.y })));
  });

  it('the committed graph/first-frame.json is the bundled graph.json’s, and its positions survive the JSON round trip exactly', () => {
    const committed = readFileSync(join(ROOT, 'graph/first-frame.json'), 'utf8');
    expect(committed).toBe(JSON.stringify(toFirstFrame(doc)) + '\n');
    const back = FirstFrameSchema.parse(JSON.parse(committed));
    expect(back.x).toEqual(doc.graph.nodes.map((n) => n.attributes.x));
  });

  it('is a small share of graph.json on a 10k-node graph (what makes it worth fetching first)', () => {
    const big = syntheticGraph({ papers: 8000, concepts: 2100, edges: 52_000, themes: 12 });
    const ff = JSON.stringify(toFirstFrame(big));
    expect(ff.length / JSON.stringify(big).length).toBeLessThan(0.1);
  });

  it('a column of the wrong length is refused, naming it', () => {
    const ff = toFirstFrame(doc);
    const bad = FirstFrameSchema.safeParse({ ...ff, label: ff.label.slice(1) });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(['label']);
    expect(bad.error?.issues[0].message).toContain(`expected ${ff.nodes} items`);
  });
});
