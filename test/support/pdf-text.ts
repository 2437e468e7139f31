import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * The text of each page of a PDF, as pdf.js extracts it (test/support/pdf-text-extract.mjs, run by the
 * Node that runs the tests): what a reader's viewer would let them select and copy.
 */
export function pdfText(pdf: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [join(__dirname, 'pdf-text-extract.mjs')],
      { maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pdf.js could not read the PDF: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as string[]);
      },
    );
    child.stdin?.end(pdf);
  });
}
