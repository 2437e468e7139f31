import type { FastifyInstance } from 'fastify';
import { ApiError } from '../errors/api-error';

/** The largest request body the API reads, in bytes (UTF-8): 413 beyond. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * How deep arrays and objects may nest in a request body. No input of the API goes beyond six
 * levels (a campaign file's sections); 32 leaves room and keeps every recursive walk of a body
 * (validation, control characters, idempotency hash) far from the stack's end, which a few
 * thousand levels reach (issue 10, fault 10: 1,500 nested arrays were a 500).
 */
export const MAX_BODY_DEPTH = 32;

/**
 * Whether JSON text nests arrays and objects deeper than `maxDepth`, by one pass over the text
 * (no recursion, no parse): brackets inside strings are text and do not count. The text need not
 * be valid JSON; JSON.parse judges the rest.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text.charCodeAt(index);
    if (inString) {
      if (character === BACKSLASH) index++;
      else if (character === QUOTE) inString = false;
    } else if (character === QUOTE) {
      inString = true;
    } else if (character === OPEN_BRACE || character === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (character === CLOSE_BRACE || character === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Makes JSON the only body the API reads, for every route: fastify's other parsers (text/plain)
 * and Nest's (urlencoded) are removed, so any other content type is a 415, and the depth limit
 * is checked on the raw text before JSON.parse, hence before anything walks the body. Parsing
 * itself is fastify's (secure-json-parse: `__proto__` and `constructor.prototype` keys refused).
 * Needs Nest's own parsers off (`bodyParser: false`).
 */
export function registerJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      const text = body as string;
      if (nestsDeeperThan(text, MAX_BODY_DEPTH)) {
        done(
          new ApiError(
            400,
            'BODY_TOO_DEEP',
            `Le corps de la requête imbrique plus de ${MAX_BODY_DEPTH} niveaux de listes ou d'objets.`,
          ),
          undefined,
        );
        return;
      }
      void parseJson(request, text, done);
    },
  );
}
