// The page's entry: fires the data requests first (early.ts), then loads the app, so downloading the graph and loading the
// app's code overlap.
import './early.ts';

void import('./main.ts');
