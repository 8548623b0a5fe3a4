// The schema of first-frame.json: what the viewer needs to draw a build's map before graph.json has arrived (each node's
// kind, theme, colour, position, size and label; each theme's name, colour, size and anchor), written beside graph.json.
import { z } from 'zod';
import { NODE_KINDS } from './graph-json.ts';

export const FIRST_FRAME_FILE = 'first-frame.json';
export const FIRST_FRAME_VERSION = 1;

const column = <T extends z.ZodType>(item: T) => z.array(item);

export const FirstFrameSchema = z
  .object({
    version: z.literal(FIRST_FRAME_VERSION),
    /** graph.json's node and edge counts (the edges are not in this file). */
    nodes: z.number().int().nonnegative(),
    edges: z.number().int().nonnegative(),
    themes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        color: z.string().regex(/^#[0-9a-f]{6}$/i),
        size: z.number().int().nonnegative(),
        x: z.number().finite(),
        y: z.number().finite(),
      }),
    ),
    /** One column per attribute, in graph.json's node order, each `nodes` long. */
    kind: column(z.enum(NODE_KINDS)),
    theme: column(z.string()),
    color: column(z.string()),
    x: column(z.number().finite()),
    y: column(z.number().finite()),
    size: column(z.number().finite()),
    label: column(z.string()),
  })
  .superRefine((doc, ctx) => {
    for (const name of ['kind', 'theme', 'color', 'x', 'y', 'size', 'label'] as const)
      if (doc[name].length !== doc.nodes)
        ctx.addIssue({ code: 'custom', path: [name], message: `expected ${doc.nodes} items (one per node), got ${doc[name].length}` });
  });
export type FirstFrameJson = z.infer<typeof FirstFrameSchema>;
