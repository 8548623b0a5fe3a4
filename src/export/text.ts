// Text helpers every exporter shares: characters XML cannot hold, evidence as one line, attribute rows per node.
import type { EdgeAttributes, NodeAttributes, Theme } from '../model/graph-json.ts';

// NOTE: paper text is untrusted: control characters and lone surrogates would make the XML unparsable, so they go.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// NOTE: a cheap test first: almost no text needs either fix, and the full patterns cost seconds on 100k papers.
const MAYBE_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const XML_SPECIAL = /[&<>"]/;

export function xmlSafe(text: string): string {
  return MAYBE_INVALID.test(text) ? text.replace(XML_INVALID, '') : text;
}

export function escapeXml(text: string): string {
  const safe = xmlSafe(text);
  return XML_SPECIAL.test(safe) ? safe.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : safe;
}

/** The evidence of an edge as one line: `"visual token pruning" (abstract 12–33, vocabulary); …`. */
export function evidenceText(edge: EdgeAttributes): string {
  return edge.spans.map((s) => `"${s.text}" (${s.field} ${s.start}-${s.end}, ${s.rule})`).join('; ');
}

/**
 * evidenceText(edge) escaped by `escape`, the same text as escape(evidenceText(edge)) for an escaper that maps characters
 * one by one (and drops the ones XML cannot hold). NOTE: escaping each span's short text instead of the whole line, in
 * which the quotes always need escaping, saves a few full passes over every edge's evidence (~0.1 s per XML export at
 * 10k papers). `quote` is the escaper's form of '"'.
 */
export function escapedEvidence(edge: EdgeAttributes, escape: (text: string) => string, quote: string): string {
  let out = '';
  for (let i = 0; i < edge.spans.length; i++) {
    const s = edge.spans[i];
    out += `${i ? '; ' : ''}${quote}${escape(s.text)}${quote} (${escape(s.field)} ${s.start}-${s.end}, ${escape(s.rule)})`;
  }
  return out;
}

export type Scalar = string | number | boolean;

/** Flat, typed attributes of a node for the tabular and XML exports (no nested values; lists joined with "; "). */
export function flatNodeAttributes(attr: NodeAttributes, themeNames: Map<string, string>): Record<string, Scalar | undefined> {
  // NOTE: one object literal per kind, not a shared part spread into each: the spread made this ~10x slower (0.2 s per
  // export at 10k papers, and it runs for GEXF, GraphML and nodes.csv). The key order is the column order: keep both alike.
  const themeName = themeNames.get(attr.theme) ?? '';
  if (attr.kind === 'paper') {
    return {
      kind: attr.kind,
      theme: attr.theme,
      themeName,
      degree: attr.degree,
      weightedDegree: attr.weightedDegree,
      pagerank: attr.pagerank,
      paperId: attr.paperId,
      date: attr.date,
      url: attr.url,
      upvotes: attr.upvotes,
      authors: attr.authors.length ? attr.authors.join('; ') : undefined,
      authorCount: attr.authorCount ?? (attr.authors.length || undefined),
      abstract: attr.abstract || undefined,
    };
  }
  return {
    kind: attr.kind,
    theme: attr.theme,
    themeName,
    degree: attr.degree,
    weightedDegree: attr.weightedDegree,
    pagerank: attr.pagerank,
    conceptId: attr.conceptId,
    df: attr.df,
    firstSeen: attr.firstSeen,
    lastSeen: attr.lastSeen,
    aliases: attr.aliases.length ? attr.aliases.join('; ') : undefined,
    source: attr.source,
    parent: attr.parent,
  };
}

export function themeNameMap(themes: Theme[]): Map<string, string> {
  return new Map(themes.map((t) => [t.id, t.name]));
}
