import chardet from 'chardet';
import { DeckError } from '../markdown/errors.ts';

/** Text decoded from a file, and the encoding it was in. */
export interface Decoded {
  text: string;
  /** `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE (BOM)`, `UTF-16BE (BOM)`, `GB18030`, `Big5`. */
  encoding: string;
}

/** Encodings chardet may name that we decode, and the decoder's name for each. */
const LEGACY: Record<string, string> = { GB18030: 'gb18030', Big5: 'big5' };

/**
 * Decodes a text file: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is
 * UTF-8; else the encoding chardet finds among GB18030 (which covers GBK and GB2312: Word's 纯文本
 * on a Chinese Windows) and Big5; else GB18030 when it decodes cleanly. Line ends become `\n`.
 * @throws DeckError when no encoding decodes the bytes cleanly.
 */
export function decodeText(bytes: Uint8Array, file: string): Decoded {
  const strict = (label: string, data: Uint8Array): string | null => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(data);
    } catch {
      return null;
    }
  };
  const done = (text: string, encoding: string): Decoded => ({ text: text.replace(/\r\n?/g, '\n'), encoding });
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    if (text !== null) return done(text, 'UTF-8 (BOM)');
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strict('utf-16le', bytes.subarray(2));
    if (text !== null) return done(text, 'UTF-16LE (BOM)');
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict('utf-16be', bytes.subarray(2));
    if (text !== null) return done(text, 'UTF-16BE (BOM)');
  } else {
    const utf8 = strict('utf-8', bytes);
    if (utf8 !== null) return done(utf8, 'UTF-8');
    const guesses = chardet.analyse(bytes).map((m) => m.name);
    for (const name of [...guesses.filter((g) => g in LEGACY), 'GB18030']) {
      const text = strict(LEGACY[name]!, bytes);
      if (text !== null) return done(text, name);
    }
  }
  throw new DeckError(
    { file, line: 1 },
    '无法识别文件的编码（not UTF-8, UTF-16 or GB18030）',
    '用记事本或 WPS 打开，“另存为”时选择编码 UTF-8，再导入；或直接导入 Word 文件（.docx）',
  );
}
