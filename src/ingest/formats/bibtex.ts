// Reader for bibtex inputs. NOTE: placeholder until its reader lands; detects nothing.
import type { FormatReader } from '../types.ts';
import { PaperKgError } from '../../errors.ts';

export const bibtex: FormatReader = {
  name: 'bibtex',
  description: 'bibtex (not implemented yet)',
  detect: () => 0,
  // eslint-disable-next-line require-yield
  async *read(source) {
    throw new PaperKgError('E_FORMAT_UNKNOWN', `${source.name}: the bibtex reader is not implemented yet`, source.name);
  },
};
