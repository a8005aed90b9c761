#!/usr/bin/env node
// `deck-pptx`: the PowerPoint export CLI (src/export/pptx-cli.ts), run through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/export/pptx-cli.ts');
