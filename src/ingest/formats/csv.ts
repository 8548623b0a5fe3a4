// Reader for csv inputs. NOTE: placeholder until its reader lands; detects nothing.
import type { FormatReader } from '../types.ts';
import { PaperKgError } from '../../errors.ts';

export const csv: FormatReader = {
  name: 'csv',
  description: 'csv (not implemented yet)',
  detect: () => 0,
  // eslint-disable-next-line require-yield
  async *read(source) {
    throw new PaperKgError('E_FORMAT_UNKNOWN', `${source.name}: the csv reader is not implemented yet`, source.name);
  },
};
