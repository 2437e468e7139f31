// A mail catcher for development and tests: a real SMTP server on loopback that keeps every
// message it accepts as an .eml file (and a line in index.jsonl), and a web page that lists them.
//   node infra/mail/mail-catcher.mjs --smtp-port 1025 --http-port 1080 --dir .data/mail
import { appendFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const { values } = parseArgs({
  options: {
    'smtp-port': { type: 'string', default: '1025' },
    'http-port': { type: 'string', default: '1080' },
    dir: { type: 'string', default: '.data/mail' },
  },
});
const dir = values.dir;
const index = join(dir, 'index.jsonl');
mkdirSync(dir, { recursive: true });
let sequence = 0;

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  banner: 'amiflow mail catcher',
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', async () => {
      try {
        const raw = Buffer.concat(chunks);
        const file = `${Date.now()}-${String(++sequence).padStart(6, '0')}.eml`;
        writeFileSync(join(dir, file), raw);
        const mail = await simpleParser(raw);
        const entry = {
          file,
          receivedAt: new Date().toISOString(),
          messageId: mail.messageId ?? null,
          from: mail.from?.text ?? '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          subject: mail.subject ?? '',
          attachments: mail.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
          })),
        };
        appendFileSync(index, `${JSON.stringify(entry)}\n`);
        callback();
      } catch (error) {
        callback(error);
      }
    });
  },
});

// A client that goes away mid-conversation (a worker killed while it sends, as the lifecycle
// tests do on purpose) resets its socket; smtp-server reports it as an 'error' event, which
// without a listener would end this process and every later delivery with it.
smtp.on('error', (error) => {
  console.error(
    `Mail catcher: ${error.code ?? 'error'} from a client (${error.message}); still listening`,
  );
});

function messages() {
  if (!existsSync(index)) return [];
  return readFileSync(index, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

const escape = (text) =>
  String(text).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c],
  );

const http = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/messages') {
    response.writeHead(200, { 'content-type': 'application/json' });
    return response.end(JSON.stringify(messages()));
  }
  const file = /^\/messages\/([\w.-]+\.eml)$/.exec(url.pathname)?.[1];
  if (file && existsSync(join(dir, file))) {
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    return response.end(readFileSync(join(dir, file)));
  }
  if (url.pathname !== '/') {
    response.writeHead(404, { 'content-type': 'text/plain' });
    return response.end('Not found');
  }
  const rows = messages()
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escape(m.receivedAt)}</td><td>${escape(m.to.join(', '))}</td>` +
        `<td><a href="/messages/${escape(m.file)}">${escape(m.subject)}</a></td>` +
        `<td>${escape(m.attachments.map((a) => a.filename).join(', '))}</td></tr>`,
    )
    .join('\n');
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><html lang="fr"><meta charset="utf-8"><title>Courriels reçus</title>
<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left;border-bottom:1px solid #ddd}</style>
<h1>Courriels reçus par le serveur de courriel local (${messages().length})</h1>
<table><tr><th>Reçu (UTC)</th><th>Destinataires</th><th>Objet</th><th>Pièces jointes</th></tr>
${rows}</table></html>`);
});

smtp.listen(Number(values['smtp-port']), '127.0.0.1', () => {
  http.listen(Number(values['http-port']), '127.0.0.1', () => {
    console.log(
      `Mail catcher: SMTP 127.0.0.1:${values['smtp-port']}, web http://127.0.0.1:${values['http-port']}, files ${dir}`,
    );
  });
});

const stop = () => smtp.close(() => http.close(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
