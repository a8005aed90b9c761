import { escapeHtml } from '../markdown/text.ts';

/**
 * A self-contained print document (the 讲话稿 and the speaker's script): Chinese, and a policy that
 * lets it load nothing but its fonts (`fontUrls`: data: URLs, or the exporter's own server) and
 * run nothing. Pure.
 */
export function printDocument(title: string, css: string, body: string, fontUrls: readonly string[] = []): string {
  const sources = [...new Set(fontUrls.map((u) => (u.startsWith('data:') ? 'data:' : new URL(u).origin)))];
  // The exporter reads each font once more to hold it in the page (loadAllFonts fetches it).
  const served = sources.filter((s) => s !== 'data:');
  const connect = served.length > 0 ? `; connect-src ${served.join(' ')}` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src ${sources.length > 0 ? sources.join(' ') : 'data:'}${connect}" />
<title>${escapeHtml(title)}</title>
<style>
${css}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
