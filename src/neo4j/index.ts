// Neo4j bulk-import files for a build: node and relationship CSVs in the header conventions of
// `neo4j-admin database import full`, and a Cypher script that runs Louvain or Leiden in Graph Data Science.
import type { GraphJson } from '../model/graph-json.ts';

export interface Neo4jFiles {
  /** File name → content; every file is UTF-8 text. */
  [name: string]: string;
}

export type CommunityAlgorithm = 'louvain' | 'leiden';

// NOTE: neo4j-admin splits array fields on the array delimiter (";" by default) and has no escape for it,
// so a ";" inside an alias becomes "," rather than splitting the alias in two.
function arrayField(values: readonly string[]): string {
  return csvField(values.map((v) => v.replace(/;/g, ',')).join(';'));
}

function csvField(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function csv(header: string[], rows: Array<Array<string>>): string {
  return [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

/** Writes the build's nodes and edges as neo4j-admin import CSVs plus the Cypher for community detection. */
export function toNeo4j(graph: GraphJson, algorithm: CommunityAlgorithm = 'leiden'): Neo4jFiles {
  const themeName = new Map(graph.themes.map((t) => [t.id, t.name]));
  const papers: string[][] = [];
  const concepts: string[][] = [];
  // Sorted by key so the files are byte-identical for the same build.
  const nodes = [...graph.graph.nodes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const { key, attributes: a } of nodes) {
    const common = [
      csvField(key),
      csvField(a.label),
      csvField(a.theme),
      csvField(themeName.get(a.theme) ?? ''),
      csvField(a.degree),
      csvField(a.weightedDegree),
      csvField(a.pagerank),
    ];
    if (a.kind === 'paper') {
      papers.push([
        ...common,
        csvField(a.paperId),
        csvField(a.date),
        csvField(a.upvotes),
        csvField(a.url),
        arrayField(a.authors),
        csvField(a.abstract),
        'Paper',
      ]);
    } else {
      concepts.push([
        ...common,
        csvField(a.conceptId),
        csvField(a.kind),
        csvField(a.source),
        arrayField(a.aliases),
        csvField(a.df),
        csvField(a.firstSeen),
        csvField(a.lastSeen),
        `Concept;${kindLabel(a.kind)}`,
      ]);
    }
  }
  const commonHeader = ['key:ID(Node)', 'label', 'theme', 'themeName', 'degree:int', 'weightedDegree:double', 'pagerank:double'];
  const edges = [...graph.graph.edges]
    .map((e) => [e.source, e.target, e.attributes.weight, e.attributes.source] as const)
    .sort((a, b) => (a[0] + '\u0000' + a[1] < b[0] + '\u0000' + b[1] ? -1 : 1));
  return {
    'papers.csv': csv([...commonHeader, 'paperId', 'date', 'upvotes:int', 'url', 'authors:string[]', 'abstract', ':LABEL'], papers),
    'concepts.csv': csv([...commonHeader, 'conceptId', 'kind', 'source', 'aliases:string[]', 'df:int', 'firstSeen', 'lastSeen', ':LABEL'], concepts),
    'mentions.csv': csv(
      [':START_ID(Node)', ':END_ID(Node)', 'weight:double', 'source', ':TYPE'],
      edges.map(([s, t, w, src]) => [csvField(s), csvField(t), csvField(w), csvField(src), 'MENTIONS']),
    ),
    'import.sh': importScript(),
    'communities.cypher': cypher(algorithm),
  };
}

function kindLabel(kind: string): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

function importScript(): string {
  return `#!/usr/bin/env sh
# Bulk-imports this folder into an empty Neo4j database (Neo4j 5; stop the database first).
# Usage: sh import.sh [database]   (run where neo4j-admin is on PATH, with this folder as the working directory)
set -e
neo4j-admin database import full "\${1:-neo4j}" --overwrite-destination=true \\
  --nodes=papers.csv --nodes=concepts.csv --relationships=mentions.csv \\
  --multiline-fields=true --array-delimiter=";"
`;
}

function cypher(algorithm: CommunityAlgorithm): string {
  const call =
    algorithm === 'leiden'
      ? `CALL gds.leiden.write('paperkg', {relationshipWeightProperty: 'weight', writeProperty: 'community', randomSeed: 42, gamma: 1.0})`
      : `CALL gds.louvain.write('paperkg', {relationshipWeightProperty: 'weight', writeProperty: 'community'})`;
  return `// Runs ${algorithm === 'leiden' ? 'Leiden' : 'Louvain'} in Neo4j Graph Data Science (2.x) on the imported paper-kg graph
// and writes each node's community back as the property "community".
// Run with: cypher-shell -f communities.cypher
// Then export the partition for \`paper-kg import-themes\`:
//   cypher-shell --format plain "MATCH (n:Paper) RETURN n.key AS key, n.community AS community ORDER BY key" > communities.csv
// and read it back into the build (themes named, coloured and summarised by paper-kg, every output rewritten):
//   paper-kg import-themes --graph <build dir> communities.csv

CALL gds.graph.drop('paperkg', false) YIELD graphName;

MATCH (p:Paper)-[r:MENTIONS]->(c:Concept)
WITH gds.graph.project('paperkg', p, c, {relationshipProperties: r {.weight}}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships;

${call}
YIELD communityCount, modularity
RETURN communityCount, modularity;

CALL gds.graph.drop('paperkg') YIELD graphName;
`;
}
