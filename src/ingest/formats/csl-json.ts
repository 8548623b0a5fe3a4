// Reader for csl-json inputs. NOTE: placeholder until its reader lands; detects nothing.
import type { FormatReader } from '../types.ts';
import { PaperKgError } from '../../errors.ts';

export const cslJson: FormatReader = {
  name: 'csl-json',
  description: 'csl-json (not implemented yet)',
  detect: () => 0,
  // eslint-disable-next-line require-yield
  async *read(source) {
    throw new PaperKgError('E_FORMAT_UNKNOWN', `${source.name}: the csl-json reader is not implemented yet`, source.name);
  },
};
