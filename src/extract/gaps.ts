// What lies between two tokens ("a gap": ", ", " (", ": "), tested in place by a character scan instead of a slice and a regex.
import { isJsSpace } from './results.ts';

/** Spaces before or after the mark of a gap: none (''), any (\s*), at least one (\s+), or anything at all (a prefix test). */
export enum Sp {
  None = 0,
  Any = 1,
  Some = 2,
  Rest = 3,
}

/** A mark is required, or may be absent (`[,:]?`). */
export enum Mark {
  Required = 0,
  Optional = 1,
}

/**
 * `/^<lead>[<marks>]<trail>$/` on text[from, to) without slicing it: `lead` is `\s*` or `\s+` or nothing, `marks` the
 * characters one of which must come next (none when `marks` is ''), `trail` as `lead`, or `Sp.Rest` for a prefix test
 * (`/^\s*[.;:)]/`). `\s` is JavaScript's white space. Examples: `gapIs(t, a, b, Sp.Any, ',', Sp.Any)` is
 * `/^\s*,\s*$/`; `gapIs(t, a, b, Sp.Some, '', Sp.None)` is `/^\s+$/`.
 */
export function gapIs(text: string, from: number, to: number, lead: Sp, marks: string, trail: Sp, mark = Mark.Required): boolean {
  let p = from;
  if (lead !== Sp.None) {
    while (p < to && isJsSpace(text.charCodeAt(p))) p++;
    if (lead === Sp.Some && p === from) return false;
  }
  if (marks !== '') {
    if (p < to && marks.indexOf(text[p]!) >= 0) p++;
    else if (mark === Mark.Required) return false;
  }
  if (trail === Sp.Rest) return true;
  const q = p;
  while (p < to && isJsSpace(text.charCodeAt(p))) p++;
  if (p !== to) return false;
  return trail === Sp.Any || (trail === Sp.Some ? p > q : p === q);
}

/** True when text[from, to) is white space only (`/^\s*$/`; empty is true). */
export function spacesOnly(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (!isJsSpace(text.charCodeAt(p))) return false;
  return true;
}

/** `/^\s*,\s*$/` on text[from, to). */
export function commaGap(text: string, from: number, to: number): boolean {
  return gapIs(text, from, to, Sp.Any, ',', Sp.Any);
}

/** `/[<marks>]/` on text[from, to): one of the marks is in the gap. */
export function gapHas(text: string, from: number, to: number, marks: string): boolean {
  for (let p = from; p < to; p++) if (marks.indexOf(text[p]!) >= 0) return true;
  return false;
}
