import { extract } from '../src/extract/index.ts';
const S = process.argv.slice(2);
const papers = S.map((s, i) => ({ id: 'p' + i, title: 'A study of reasoning models', abstract: 'We train large language models with reinforcement learning on a new dataset. ' + s, authors: { names: [] }, links: {}, categories: [], provenance: [{ file: 't', format: 'jsonl' as const, index: i }] }));
const r = extract(papers as never);
for (const p of r.papers) console.log(p.id, p.concepts.filter((c) => ['benchmark', 'dataset', 'metric', 'model'].includes(c.kind)).map((c) => `${c.kind}:${c.label}[${c.spans.map((s) => s.text + '/' + s.rule).join(',')}]`).join('  '));
