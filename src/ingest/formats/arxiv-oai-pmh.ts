// Reader for arxiv-oai-pmh inputs. NOTE: placeholder until its reader lands; detects nothing.
import type { FormatReader } from '../types.ts';
import { PaperKgError } from '../../errors.ts';

export const arxivOaiPmh: FormatReader = {
  name: 'arxiv-oai-pmh',
  description: 'arxiv-oai-pmh (not implemented yet)',
  detect: () => 0,
  // eslint-disable-next-line require-yield
  async *read(source) {
    throw new PaperKgError('E_FORMAT_UNKNOWN', `${source.name}: the arxiv-oai-pmh reader is not implemented yet`, source.name);
  },
};
