// Reads a PDF on standard input and prints the text of each page as a JSON array of strings, by
// pdf.js (pdfjs-dist's build for Node). A script of its own: pdf.js is an ES module, which the
// tests' CommonJS cannot import; `pdfText` in pdf-text.ts runs it.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const document = await getDocument({
  data: new Uint8Array(Buffer.concat(chunks)),
  useSystemFonts: false,
  isEvalSupported: false,
}).promise;
const pages = [];
for (let number = 1; number <= document.numPages; number++) {
  const page = await document.getPage(number);
  const content = await page.getTextContent();
  pages.push(
    content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
      .join(''),
  );
}
process.stdout.write(JSON.stringify(pages));
