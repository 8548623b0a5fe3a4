// Reader for arxiv-atom inputs. NOTE: placeholder until its reader lands; detects nothing.
import type { FormatReader } from '../types.ts';
import { PaperKgError } from '../../errors.ts';

export const arxivAtom: FormatReader = {
  name: 'arxiv-atom',
  description: 'arxiv-atom (not implemented yet)',
  detect: () => 0,
  // eslint-disable-next-line require-yield
  async *read(source) {
    throw new PaperKgError('E_FORMAT_UNKNOWN', `${source.name}: the arxiv-atom reader is not implemented yet`, source.name);
  },
};
