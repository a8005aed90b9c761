import { escapeHtml } from '../markdown/text.ts';

/**
 * A self-contained print document (the 讲话稿 and the speaker's script): Chinese, its fonts inlined
 * as data: URLs, and a policy that lets it load nothing else and run nothing. Pure.
 */
export function printDocument(title: string, css: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:" />
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
