/** What is wrong with an image reference, and what to do: the two halves of a DeckError. */
export interface AssetProblem {
  problem: string;
  hint: string;
}

const EXAMPLE = '例如 ![说明](img/photo.png)';

/** Why an image reference cannot be used, by case. */
export const ASSET_PROBLEMS = {
  missing: (src: string): AssetProblem => ({
    problem: `找不到图片“${src}”（image）`,
    hint: `把图片放进 public/${src}（public/ 里的文件会复制进 dist/），用相对路径引用，如 ![说明](图片/照片.png)；文件名要一字不差`,
  }),
  remote: (src: string): AssetProblem => ({
    problem: `图片 "${src.slice(0, 60)}" 不是演示文稿文件夹里的文件`,
    hint: `演示文稿不从网络或其他来源加载内容：把图片保存到 public/，用相对路径引用，${EXAMPLE}`,
  }),
  absolute: (src: string): AssetProblem => ({
    problem: `图片 "${src.slice(0, 60)}" 是绝对路径`,
    hint: `用相对于 public/ 的路径引用，${EXAMPLE}`,
  }),
  unreadable: (src: string): AssetProblem => ({
    problem: `图片路径 "${src.slice(0, 60)}" 含有不允许的字符（?、#、反斜杠、%2F、%5C 或错误的 % 编码）`,
    hint: `写文件的相对路径本身，用斜杠 / 分隔目录，${EXAMPLE}`,
  }),
  outside: (src: string): AssetProblem => ({
    problem: `图片 "${src.slice(0, 60)}" 指向 public/ 和 assets/ 之外`,
    hint: `只能引用 public/ 或 assets/ 里的文件：把图片复制进 public/，${EXAMPLE}`,
  }),
  symlink: (src: string): AssetProblem => ({
    problem: `图片 "${src.slice(0, 60)}" 是指向 public/ 和 assets/ 之外的符号链接（symlink）`,
    hint: '把文件本身复制进 public/，不要用链接',
  }),
} as const;

/**
 * The checks an image's `src` passes before the file system is asked: a relative path with plain
 * slashes, no scheme (nothing is loaded from the network or another origin), no leading `/`, and
 * no query or fragment (Vite reads `?raw`, `?inline` … as instructions).
 * Pure. @returns the problem, or null.
 */
export function checkImageSrc(src: string): AssetProblem | null {
  if (src.trim() === '') return ASSET_PROBLEMS.missing(src);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return ASSET_PROBLEMS.remote(src);
  if (src.startsWith('/')) return ASSET_PROBLEMS.absolute(src);
  if (/[?#\\]|%(?:2f|5c)/i.test(src)) return ASSET_PROBLEMS.unreadable(src);
  try {
    decodeURI(src);
  } catch {
    return ASSET_PROBLEMS.unreadable(src);
  }
  return null;
}
