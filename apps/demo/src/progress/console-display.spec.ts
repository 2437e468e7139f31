import { PassThrough } from 'node:stream';
import { LineDisplay, TerminalDisplay } from './console-display';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('LineDisplay', () => {
  it('prints a changed state at most every ten seconds, a new phase at once, the same never twice', () => {
    let now = 0;
    const { stream, text } = capture();
    const display = new LineDisplay(stream, 10_000, () => now);
    const line = (state: string) => ({ clock: '2019-10-09 00:00 Paris', state });

    display.progress(line('OPEN | a'));
    now = 2_000;
    display.progress(line('OPEN | b'));
    now = 4_000;
    display.progress(line('SUBMISSIONS_CLOSED | c'), true);
    now = 15_000;
    display.progress(line('SUBMISSIONS_CLOSED | c'));
    now = 16_000;
    display.progress(line('SUBMISSIONS_CLOSED | d'));
    display.log('something happened');

    expect(text().split('\n')).toEqual([
      '[demo] 2019-10-09 00:00 Paris | OPEN | a',
      '[demo] 2019-10-09 00:00 Paris | SUBMISSIONS_CLOSED | c',
      '[demo] 2019-10-09 00:00 Paris | SUBMISSIONS_CLOSED | d',
      '[demo] something happened',
      '',
    ]);
  });
});

describe('TerminalDisplay', () => {
  it('rewrites the progress line in place and prints other lines above it', () => {
    const { stream, text } = capture();
    const display = new TerminalDisplay(Object.assign(stream, { columns: 40 }) as never);
    display.progress({ clock: '2019-10-09 00:00 Paris', state: 'OPEN' });
    display.log('cnp-a opened its draft');
    display.progress({
      clock: '2019-10-10 00:00 Paris',
      state: 'OPEN | dossiers: 1 DRAFT, 2 SUBMITTED',
    });
    display.close();
    expect(text()).toBe(
      '\r\x1b[2K[demo] 2019-10-09 00:00 Paris | OPEN' +
        '\r\x1b[2K[demo] cnp-a opened its draft\n[demo] 2019-10-09 00:00 Paris | OPEN' +
        '\r\x1b[2K[demo] 2019-10-10 00:00 Paris | OPEN |…\n',
    );
  });
});
