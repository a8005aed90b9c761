import { readFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { DeckError } from '../markdown/errors.ts';
import { htmlBlocks, markdownBlocks, textBlocks } from './blocks.ts';
import { decodeText } from './decode.ts';
import type { ImportInput } from './types.ts';

/** File types the importer reads. */
export const INPUT_TYPES = ['.docx', '.txt', '.md'] as const;

/** Word styles mammoth does not map by default: the Title style becomes the deck's title. */
const STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh", "p[style-name='标题'] => h1.title:fresh"];

/**
 * Reads a speech file into blocks (the I/O shell around the pure importer): `.docx` through
 * mammoth, `.txt` and `.md` decoded from UTF-8, UTF-16 (with a BOM) or GB18030/GBK.
 * @throws DeckError for a missing, unreadable or unsupported file.
 */
export async function readSpeech(file: string): Promise<ImportInput> {
  const ext = path.extname(file).toLowerCase();
  if (!(INPUT_TYPES as readonly string[]).includes(ext)) {
    throw new DeckError(
      { file, line: 1 },
      `不支持的文件类型“${ext || '（无扩展名）'}”（unsupported file type）`,
      `导入 ${INPUT_TYPES.join('、')} 文件；.doc 或 .wps 请先在 Word/WPS 里“另存为” .docx`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new DeckError(
      { file, line: 1 },
      code === 'ENOENT' ? '找不到这个文件（file not found）' : `无法读取这个文件（${code}）`,
      '检查文件名和路径；文件名有空格时用引号括起来',
    );
  }
  if (ext === '.docx') {
    let result: { value: string; messages: { type: string; message: string }[] };
    try {
      result = await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP });
    } catch (error) {
      throw new DeckError(
        { file, line: 1 },
        `无法读取这个 Word 文件（${(error as Error).message.split('\n')[0]}）`,
        '在 Word/WPS 里打开它，“另存为” .docx 后再导入；或另存为纯文本（.txt）后导入',
      );
    }
    const { blocks, images } = htmlBlocks(result.value);
    const remarks = result.messages
      .filter((m) => !/Unrecognised paragraph style/.test(m.message) || !/Normal|Body/.test(m.message))
      .map((m) => `Word 转换提示：${m.message}`);
    if (images > 0) remarks.push(`Word 文件里有 ${images} 张图片，没有导入（幻灯片只取文字）`);
    return { file, format: 'Word (.docx)', unit: '段', blocks, remarks };
  }
  const { text, encoding } = decodeText(bytes, file);
  const blocks = ext === '.md' ? markdownBlocks(text) : textBlocks(text);
  const remarks = /^UTF-8/.test(encoding) ? [] : [`文件编码识别为 ${encoding}，已转换为 UTF-8；请抽查几句有无乱码`];
  return { file, format: `${ext === '.md' ? 'Markdown' : '纯文本'}，${encoding}`, unit: '行', blocks, remarks };
}
