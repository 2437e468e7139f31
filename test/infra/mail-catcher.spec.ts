import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { freePort } from '../support/amiflow-processes';

const catcherScript = join(__dirname, '..', '..', 'infra', 'mail', 'mail-catcher.mjs');

/**
 * Plays an SMTP transaction up to the middle of a message's data, then resets the connection
 * (RST), as a worker killed while it sends does.
 */
function resetInTheMiddleOfAMessage(port: number): Promise<void> {
  const commands = ['EHLO test\r\n', 'MAIL FROM:<a@test>\r\n', 'RCPT TO:<b@test>\r\n', 'DATA\r\n'];
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    const timer = setTimeout(() => reject(new Error('the SMTP conversation did not end')), 10_000);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
    // One reply per line sent, the banner first.
    socket.on('data', () => {
      const next = commands.shift();
      if (next) {
        socket.write(next);
        return;
      }
      socket.write('Subject: cut\r\n\r\nhalf a mess');
      setTimeout(() => socket.resetAndDestroy(), 200);
    });
  });
}

jest.setTimeout(30_000);

describe('the mail catcher', () => {
  let folder: string;
  let catcher: ChildProcess;
  let smtpPort: number;
  let stderr = '';

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'amiflow-mail-catcher-'));
    smtpPort = await freePort();
    catcher = spawn(process.execPath, [
      catcherScript,
      '--smtp-port',
      String(smtpPort),
      '--http-port',
      String(await freePort()),
      '--dir',
      folder,
    ]);
    catcher.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    await new Promise<void>((resolve, reject) => {
      catcher.stdout?.on('data', (chunk) => String(chunk).includes('Mail catcher:') && resolve());
      catcher.on('exit', (code) => reject(new Error(`the mail catcher exited (${code})`)));
    });
  });

  afterAll(async () => {
    const exited = new Promise((resolve) => catcher.once('exit', resolve));
    catcher.kill();
    await exited;
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps accepting mail after a client resets its connection in the middle of a message', async () => {
    await resetInTheMiddleOfAMessage(smtpPort);

    const transport = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false });
    const sent = await transport.sendMail({
      from: 'a@test',
      to: 'b@test',
      subject: 'after the reset',
      text: 'still here',
    });
    transport.close();
    expect(sent.accepted).toEqual(['b@test']);
    expect(catcher.exitCode).toBeNull();
    expect(stderr).toContain('ECONNRESET');
  });
});
