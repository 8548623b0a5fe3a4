// Reader for hf-html inputs. NOTE: placeholder until its reader lands; detects nothing.
import type { FormatReader } from '../types.ts';
import { PaperKgError } from '../../errors.ts';

export const hfHtml: FormatReader = {
  name: 'hf-html',
  description: 'hf-html (not implemented yet)',
  detect: () => 0,
  // eslint-disable-next-line require-yield
  async *read(source) {
    throw new PaperKgError('E_FORMAT_UNKNOWN', `${source.name}: the hf-html reader is not implemented yet`, source.name);
  },
};
