import ExcelJS from 'exceljs';
import { SynthesisTable } from './synthesis-tables';

/**
 * The tables as one XLSX workbook, a sheet per table, its header row bold and frozen. Cells that
 * look like formulas stay text: exceljs writes a string as a string, never as a formula.
 */
export async function synthesisWorkbook(
  campaignTitle: string,
  tables: readonly SynthesisTable[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'amiflow';
  workbook.title = `Synthèse — ${campaignTitle}`;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow([...table.headers]).font = { bold: true };
    for (const row of table.rows) sheet.addRow([...row]);
    sheet.columns.forEach((column, index) => {
      const widest = Math.max(
        table.headers[index]?.length ?? 0,
        ...table.rows.map((row) => String(row[index] ?? '').length),
      );
      column.width = Math.min(Math.max(widest + 2, 10), 80);
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
