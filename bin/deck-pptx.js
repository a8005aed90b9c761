#!/usr/bin/env node
// `deck-pptx`: the PowerPoint export CLI (src/export/pptx-cli.ts).
import { runTs } from './run-ts.js';

await runTs('src/export/pptx-cli.ts');
