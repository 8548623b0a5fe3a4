// Pipeline options: where the Louvain resolution comes from (top-level `resolution` or `themes.resolution`), and bad values.
import { describe, expect, it } from 'vitest';
import { resolvePipelineOptions, runPipeline } from '../../src/pipeline.ts';
import { DEFAULT_THEMES_OPTIONS } from '../../src/themes/index.ts';
import { TINY_EXTRACTION, TINY_PAPERS } from '../graph/tiny.ts';

const noLayout = { iterations: 0, noverlapIterations: 0 };

describe('pipeline options', () => {
  it('runs themes at themes.resolution when no top-level resolution is given (was always 1)', () => {
    const ctx = runPipeline(TINY_PAPERS, { seed: 1, themes: { resolution: 3 }, layout: noLayout }, TINY_EXTRACTION);
    expect(ctx.options.resolution).toBe(3);
    expect(ctx.themes.resolution).toBe(3);
    const same = runPipeline(TINY_PAPERS, { seed: 1, resolution: 3, layout: noLayout }, TINY_EXTRACTION);
    expect(ctx.themes.communities).toEqual(same.themes.communities);
    expect(ctx.themes.modularity).toBe(same.themes.modularity);
  });

  it('lets a top-level resolution override themes.resolution; with neither, the resolution is chosen from the data', () => {
    expect(resolvePipelineOptions({ resolution: 2, themes: { resolution: 3 } }).resolution).toBe(2);
    expect(resolvePipelineOptions({}).resolution).toBeUndefined();
    const auto = runPipeline(TINY_PAPERS, { seed: 1, layout: noLayout }, TINY_EXTRACTION).themes;
    expect(DEFAULT_THEMES_OPTIONS.resolutionGrid).toContain(auto.resolution);
  });

  it('rejects a bad value with E_OPTIONS naming it', () => {
    expect(() => resolvePipelineOptions({ resolution: -1 })).toThrow(
      expect.objectContaining({ code: 'E_OPTIONS', message: expect.stringMatching(/^build options: resolution: /) }),
    );
  });
});
