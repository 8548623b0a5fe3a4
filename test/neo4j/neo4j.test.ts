// Neo4j export: exact CSVs on a tiny build, and invariants (row counts, ids resolve) on a synthetic one.
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { toNeo4j } from '../../src/neo4j/index.ts';
import { GraphJsonSchema, type GraphJson } from '../../src/model/graph-json.ts';
import { syntheticGraph } from '../../scripts/synthetic-graph.ts';

const layout = { x: 0, y: 1, size: 3, color: '#1f77b4', theme: 't1', degree: 1, weightedDegree: 0.5, pagerank: 0.5 };
const TINY: GraphJson = GraphJsonSchema.parse({
  version: 1,
  meta: { generator: 'paper-kg', inputs: ['a.txt'], papers: 1, concepts: 1, modularity: 0, resolution: 1, seed: 42 },
  themes: [
    {
      id: 't1',
      name: 'OCR, "docs"',
      color: '#1f77b4',
      size: 1,
      conceptCount: 1,
      topConcepts: [],
      topBenchmarks: [],
      dateRange: null,
      centralPapers: [],
      bridgePapers: [],
      x: 0,
      y: 0,
    },
  ],
  results: [],
  graph: {
    options: { type: 'undirected', multi: false, allowSelfLoops: false },
    nodes: [
      {
        key: 'paper:2401.00001',
        attributes: {
          kind: 'paper',
          label: 'A, "quoted"\ntitle',
          ...layout,
          paperId: '2401.00001',
          abstract: 'Uses OCRBench.',
          authors: ['Ada Lovelace', 'B; C'],
          date: '2024-01-02',
          links: {},
        },
      },
      {
        key: 'concept:ocrbench',
        attributes: {
          kind: 'benchmark',
          label: 'OCRBench',
          ...layout,
          conceptId: 'ocrbench',
          aliases: ['OCR-Bench'],
          source: 'vocabulary',
          df: 1,
          firstSeen: '2024-01-02',
          lastSeen: '2024-01-02',
        },
      },
    ],
    edges: [{ source: 'paper:2401.00001', target: 'concept:ocrbench', attributes: { weight: 0.5, source: 'vocabulary', spans: [] } }],
  },
});

describe('toNeo4j', () => {
  it('writes neo4j-admin import CSVs exactly', () => {
    const files = toNeo4j(TINY);
    expect(Object.keys(files).sort()).toEqual(['communities.cypher', 'concepts.csv', 'import.sh', 'mentions.csv', 'papers.csv']);
    expect(files['papers.csv']).toBe(
      'key:ID(Node),label,theme,themeName,degree:int,weightedDegree:double,pagerank:double,paperId,date,upvotes:int,url,authors:string[],abstract,:LABEL\n' +
        'paper:2401.00001,"A, ""quoted""\ntitle",t1,"OCR, ""docs""",1,0.5,0.5,2401.00001,2024-01-02,,,"Ada Lovelace;B, C",Uses OCRBench.,Paper\n',
    );
    expect(files['concepts.csv']).toBe(
      'key:ID(Node),label,theme,themeName,degree:int,weightedDegree:double,pagerank:double,conceptId,kind,source,aliases:string[],df:int,firstSeen,lastSeen,:LABEL\n' +
        'concept:ocrbench,OCRBench,t1,"OCR, ""docs""",1,0.5,0.5,ocrbench,benchmark,vocabulary,OCR-Bench,1,2024-01-02,2024-01-02,Concept;Benchmark\n',
    );
    expect(files['mentions.csv']).toBe(':START_ID(Node),:END_ID(Node),weight:double,source,:TYPE\npaper:2401.00001,concept:ocrbench,0.5,vocabulary,MENTIONS\n');
    expect(files['communities.cypher']).toContain('gds.leiden.write');
    expect(toNeo4j(TINY, 'louvain')['communities.cypher']).toContain('gds.louvain.write');
  });

  it('keeps every node and edge of a synthetic build, and every relationship end resolves', () => {
    const graph = syntheticGraph({ papers: 200, concepts: 80, edges: 900 });
    const files = toNeo4j(graph);
    const papers = parse(files['papers.csv'], { columns: true }) as Record<string, string>[];
    const concepts = parse(files['concepts.csv'], { columns: true }) as Record<string, string>[];
    const mentions = parse(files['mentions.csv'], { columns: true }) as Record<string, string>[];
    expect(papers.length + concepts.length).toBe(graph.graph.nodes.length);
    expect(mentions.length).toBe(graph.graph.edges.length);
    const ids = new Set([...papers, ...concepts].map((r) => r['key:ID(Node)']));
    expect(mentions.every((m) => ids.has(m[':START_ID(Node)']) && ids.has(m[':END_ID(Node)']))).toBe(true);
    // Deterministic: the same build gives the same bytes.
    expect(toNeo4j(syntheticGraph({ papers: 200, concepts: 80, edges: 900 }))).toEqual(files);
  });
});
