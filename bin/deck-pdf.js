#!/usr/bin/env node
// `deck-pdf`: the PDF export CLI (src/export/cli.ts), run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/export/cli.ts');
