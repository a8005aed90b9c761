#!/usr/bin/env node
// `deck-pdf`: the PDF export CLI (src/export/cli.ts).
import { runTs } from './run-ts.js';

await runTs('src/export/cli.ts');
