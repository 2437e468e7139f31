import { SynthesisTable, tableCsv } from './synthesis-tables';

describe('a table of the synthesis as CSV', () => {
  const table: SynthesisTable = {
    id: 'demandes-communes',
    title: 'Demandes communes',
    headers: ['Thème', 'Dossiers', 'Citation'],
    rows: [
      ['Formation', 2, 'Il faut « former », dit-on ; "vraiment".'],
      ['Financement', 1, '=HYPERLINK("http://exemple.invalid")'],
    ],
  };

  it('is RFC 4180 with a byte order mark: texts quoted, quotes doubled, CRLF line ends', () => {
    expect(tableCsv(table).split('\r\n').slice(0, 2)).toEqual([
      '\uFEFF"Thème","Dossiers","Citation"',
      '"Formation",2,"Il faut « former », dit-on ; ""vraiment""."',
    ]);
  });

  it('never lets a spreadsheet run an answer as a formula', () => {
    expect(tableCsv(table).split('\r\n')[2]).toBe(
      '"Financement",1,"\'=HYPERLINK(""http://exemple.invalid"")"',
    );
  });
});
