// import-themes: a partition computed elsewhere (Neo4j GDS Louvain / Leiden) becomes the build's themes.
import Graph from 'graphology';
import modularity from 'graphology-metrics/graph/modularity';
import { PaperKgError } from '../errors.ts';
import type { Paper } from '../model/paper.ts';
import type { GraphJson } from '../model/graph-json.ts';
import type { PipelineContext, PipelineOptions } from '../pipeline.ts';
import { clusteringGraph, createRng, resolveGraphOptions, type ClusteringGraph } from '../graph/index.ts';
import { detectThemes, resolveThemesOptions } from '../themes/index.ts';
import { resolveLayoutOptions } from '../layout/index.ts';
import { rerunWithoutLayout } from './update.ts';
import { incrementalLayout } from './layout.ts';
import { resolveUpdateOptions } from './options.ts';

/** One row of the partition file: a node key and its community (kept as text: GDS gives integers, others may not). */
export interface PartitionRow {
  key: string;
  community: string;
  line: number;
}

export interface ImportThemesReport {
  /** Rows read, papers given a community, and communities among them. */
  rows: number;
  papers: number;
  communities: number;
  /** Keys of the file that are no node of the build (first lines first). */
  unknownKeys: Array<{ key: string; line: number }>;
  /** Concept rows: read and left out (a concept's theme follows its papers). */
  conceptRows: number;
  /** Papers of the build the file gives no community: they go to "other". */
  missingPapers: string[];
  /** Modularity of the imported partition on paper-kg's own themes graph (concepts with the community of most of their weight). */
  modularity: number;
}

/** Splits a line on commas outside double quotes; a quoted field may double its quotes ("") or escape them (\"). */
function splitFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    let field = '';
    if (line[i] === '"') {
      i++;
      while (i < line.length) {
        const c = line[i];
        if (c === '\\' && i + 1 < line.length) {
          field += line[i + 1];
          i += 2;
        } else if (c === '"' && line[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          field += c;
          i++;
        }
      }
      while (i < line.length && line[i] !== ',') i++;
    } else {
      const end = line.indexOf(',', i);
      field = (end < 0 ? line.slice(i) : line.slice(i, end)).trim();
      i = end < 0 ? line.length : end;
    }
    out.push(field);
    if (i >= line.length) return out;
    i++;
  }
}

/**
 * Reads a partition: a header naming a key column and a community column (`key,community`, any case, quoted or not),
 * then one row per node. Takes plain CSV and cypher-shell's `--format plain` output (`"paper:2401.00001", 12`).
 * A row that cannot be read is an error naming its line; a key given twice with two communities too.
 */
export function parsePartition(text: string, name: string): PartitionRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  if (headerAt < 0) throw new PaperKgError('E_INPUT_EMPTY', `${name}: the file is empty; expected a header "key,community" and one row per paper`, name);
  const header = splitFields(lines[headerAt]).map((h) => h.toLowerCase());
  const keyCol = header.findIndex((h) => h === 'key' || h.endsWith('.key') || h === 'id' || h === 'node');
  const communityCol = header.findIndex((h) => h === 'community' || h.endsWith('.community') || h === 'communityid');
  if (keyCol < 0 || communityCol < 0) {
    throw new PaperKgError(
      'E_FORMAT_MALFORMED',
      `${name}, line ${headerAt + 1}: expected a header with "key" and "community" columns, got "${lines[headerAt].trim()}"; ` +
        'export it as communities.cypher says (RETURN n.key AS key, n.community AS community)',
      name,
    );
  }
  const rows: PartitionRow[] = [];
  const seen = new Map<string, PartitionRow>();
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const fields = splitFields(line);
    const key = fields[keyCol];
    const community = fields[communityCol];
    if (!key || community === undefined || community === '' || community.toLowerCase() === 'null') {
      throw new PaperKgError(
        'E_FORMAT_MALFORMED',
        `${name}, line ${i + 1}: expected a key and a community, got "${line.trim()}"; did the community detection write a community on every node?`,
        name,
      );
    }
    const row = { key, community, line: i + 1 };
    const before = seen.get(key);
    if (before && before.community !== community) {
      throw new PaperKgError(
        'E_FORMAT_MALFORMED',
        `${name}, line ${i + 1}: "${key}" is in community ${community} here and in ${before.community} on line ${before.line}; expected one community per node`,
        name,
      );
    }
    if (!before) {
      seen.set(key, row);
      rows.push(row);
    }
  }
  return rows;
}

/**
 * Rebuilds the build's themes from an imported partition, reusing the themes stage (names, colours, summaries, the
 * "other" theme): positions stay as they were. NOTE: the themes stage finds communities with Louvain; given a graph of
 * one star per imported community (a hub node linked to its papers) and nothing between stars, Louvain can only find
 * those stars, so the themes are exactly the imported communities (the tests check it).
 */
export function importThemes(
  previous: GraphJson,
  papers: Paper[],
  rows: PartitionRow[],
  options: Partial<PipelineOptions> = {},
): { ctx: PipelineContext; report: ImportThemesReport } {
  const ctx = rerunWithoutLayout(previous, papers, options);
  const kg = ctx.graph;
  const community = new Map<string, string>();
  const unknownKeys: ImportThemesReport['unknownKeys'] = [];
  let conceptRows = 0;
  for (const r of rows) {
    const key = kg.hasNode(r.key) ? r.key : kg.hasNode(`paper:${r.key}`) ? `paper:${r.key}` : undefined;
    if (key === undefined) unknownKeys.push({ key: r.key, line: r.line });
    else if (kg.getNodeAttribute(key, 'kind') !== 'paper') conceptRows++;
    else community.set(key, r.community);
  }
  const stars: ClusteringGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const missingPapers: string[] = [];
  kg.forEachNode((key, attr) => {
    if (attr.kind !== 'paper') return;
    stars.addNode(key);
    const c = community.get(key);
    if (c === undefined) return void missingPapers.push(key);
    const hub = `community:${c}`;
    if (!stars.hasNode(hub)) stars.addNode(hub);
    stars.addEdge(key, hub, { weight: 1 });
  });
  if (community.size === 0) {
    throw new PaperKgError(
      'E_FORMAT_MALFORMED',
      `the partition names no paper of this build (${unknownKeys.length} unknown key(s), e.g. "${unknownKeys[0]?.key ?? ''}"); ` +
        `expected keys such as "${kg.nodes()[0] ?? 'paper:…'}"`,
    );
  }

  const seed = ctx.options.seed;
  const themes = detectThemes(kg, ctx.projection, stars, createRng(seed), { ...ctx.options.themes, resolution: ctx.themes.resolution, autoResolution: false });
  const graphOptions = resolveGraphOptions(ctx.options.graph);
  const real = clusteringGraph(kg, ctx.projection, graphOptions);
  const score = partitionModularity(real, community, ctx.themes.resolution);
  ctx.themes = { ...themes, modularity: score };
  const other = themes.themes.find((t) => t.id === 'other');
  ctx.messages = ctx.messages.filter((m) => m.stage !== 'themes');
  if (other) {
    const { minThemeSize } = resolveThemesOptions(ctx.options.themes);
    const reasons = [
      missingPapers.length ? `${missingPapers.length} paper(s) were not in the imported partition` : '',
      other.size > missingPapers.length ? `${other.size - missingPapers.length} paper(s) were in communities smaller than ${minThemeSize} papers` : '',
    ].filter(Boolean);
    other.note = `Not a theme: the papers no theme holds. ${reasons.join('; ')}.`;
    ctx.messages.push({ level: 'info', stage: 'themes', message: `"other" holds ${other.size} paper(s): ${other.note}` });
  }

  const positions = new Map<string, [number, number]>();
  for (const n of previous.graph.nodes) positions.set(n.key, [n.attributes.x, n.attributes.y]);
  const layoutOptions = resolveLayoutOptions(ctx.options.layout);
  const layout = incrementalLayout(kg, ctx.themes.themes, positions, ctx.rng, layoutOptions, resolveUpdateOptions({}));
  ctx.layout = {
    iterations: layout.placeIterations + layout.polishIterations,
    barnesHut: kg.order > layoutOptions.barnesHutAbove,
    overlapRemoved: layout.overlapRemoved,
  };
  return {
    ctx,
    report: {
      rows: rows.length,
      papers: community.size,
      communities: new Set(community.values()).size,
      unknownKeys,
      conceptRows,
      missingPapers,
      modularity: score,
    },
  };
}

/** Modularity of a paper partition on the themes graph; each concept node joins the community holding most of its weight. */
function partitionModularity(graph: ClusteringGraph, community: ReadonlyMap<string, string>, resolution: number): number {
  if (graph.size === 0) return 0;
  const of = new Map<string, string>();
  graph.forEachNode((key) => {
    const c = community.get(key);
    if (c !== undefined) return void of.set(key, `c:${c}`);
    if (!key.startsWith('concept:')) return void of.set(key, `alone:${key}`);
    const weights = new Map<string, number>();
    graph.forEachEdge(key, (_e, a, s, t) => {
      const p = community.get(s === key ? t : s);
      if (p !== undefined) weights.set(p, (weights.get(p) ?? 0) + a.weight);
    });
    let best: string | undefined;
    for (const [c, w] of weights) if (best === undefined || w > weights.get(best)! || (w === weights.get(best)! && c < best)) best = c;
    of.set(key, best === undefined ? `alone:${key}` : `c:${best}`);
  });
  return Number(modularity(graph, { getNodeCommunity: (key) => of.get(key)!, getEdgeWeight: 'weight', resolution }).toFixed(6));
}
