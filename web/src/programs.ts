// Sigma's instanced programs (node-border discs, node-square, rectangle edges) drawn as plain triangle lists: the same
// shaders and attributes, so the same pixels, without instanced draws, which software WebGL runs an order slower.
// NOTE: measured in headless Chromium on SwiftShader (docs/viewer.md, Speed): 10k instanced triangles took 200–460 ms of
// GPU-process time per frame, the same 10k as a 30k-vertex list 20–30 ms. Sigma draws every node program twice per frame
// (picking buffer and screen), so on a 10k-node map this was most of the time between "mounted" and the first frame. On
// a hardware GPU the only cost is a vertex buffer 3–6x larger (per vertex instead of per instance), a few MB at most.

/** What an instanced sigma program declares (sigma/rendering's ProgramDefinition, loosely typed). */
interface Definition {
  VERTICES: number;
  ATTRIBUTES: unknown[];
  CONSTANT_ATTRIBUTES?: unknown[];
  CONSTANT_DATA?: number[][];
  [key: string]: unknown;
}

interface ProgramInternals {
  array: Float32Array;
  ATTRIBUTES_ITEMS_COUNT: number;
  VERTICES: number;
  getDefinition(): Definition;
  processVisibleItem(index: number, startIndex: number, ...rest: unknown[]): void;
}

type AnyClass = abstract new (...args: never[]) => object;

/**
 * The same program without instancing: the per-instance attributes are written once per vertex, followed by that vertex's
 * row of the former constant data (sigma binds attributes in declaration order, so the shaders read the same values).
 */
export function flattened<T extends AnyClass>(Program: T): T {
  const Base = Program as unknown as AnyClass;
  abstract class Flat extends Base {
    private flat?: { rows: number[][]; own: number; scratch: Float32Array };

    getDefinition(): Definition {
      const def = (Base.prototype as unknown as ProgramInternals).getDefinition.call(this);
      if (!def.CONSTANT_ATTRIBUTES) return def;
      // NOTE: sigma treats a definition as instanced when it has the CONSTANT_ATTRIBUTES key at all, so it is left out.
      const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _rows, ...rest } = def;
      return { ...rest, ATTRIBUTES: [...def.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] };
    }

    processVisibleItem(index: number, startIndex: number, ...rest: unknown[]): void {
      const self = this as unknown as ProgramInternals;
      if (!this.flat) {
        const rows = (Base.prototype as unknown as ProgramInternals).getDefinition.call(this).CONSTANT_DATA ?? [];
        const own = self.ATTRIBUTES_ITEMS_COUNT - (rows[0]?.length ?? 0);
        this.flat = { rows, own, scratch: new Float32Array(own) };
      }
      const { rows, own, scratch } = this.flat;
      // A program that was not instanced in the first place is left as it is.
      if (!rows.length) return (Base.prototype as unknown as ProgramInternals).processVisibleItem.call(this, index, startIndex, ...rest);
      // The original writes one instance's attributes at startIndex of this.array: let it write them into a scratch row.
      const array = self.array;
      self.array = scratch;
      try {
        (Base.prototype as unknown as ProgramInternals).processVisibleItem.call(this, index, 0, ...rest);
      } finally {
        self.array = array;
      }
      const stride = self.ATTRIBUTES_ITEMS_COUNT;
      for (let v = 0; v < rows.length; v++) {
        const at = startIndex + v * stride;
        array.set(scratch, at);
        array.set(rows[v], at + own);
      }
    }
  }
  return Flat as unknown as T;
}

/**
 * The same program without its picking pass (sigma draws every node program twice a frame: into the picking buffer
 * that finds the node under the mouse, then on screen). For a map nobody can point at yet (preview.ts's first frame):
 * half the draws, and on software WebGL half the shaders compiled before the first frame.
 */
export function withoutPicking<T extends AnyClass>(Program: T): T {
  const Base = Program as unknown as new (gl: unknown, pickingBuffer: unknown, renderer: unknown) => object;
  class NoPicking extends Base {
    constructor(gl: unknown, _pickingBuffer: unknown, renderer: unknown) {
      super(gl, null, renderer);
    }
  }
  return NoPicking as unknown as T;
}
