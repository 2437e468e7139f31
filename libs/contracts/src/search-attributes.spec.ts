import * as attributes from './search-attributes';
import registered from './search-attributes.json';

describe('search attributes', () => {
  it('registers on the server exactly the attributes the workflows use, with the same types', () => {
    const used = Object.fromEntries(Object.values(attributes).map((key) => [key.name, key.type]));
    const toServerType: Record<string, string> = { KEYWORD: 'Keyword', DATETIME: 'Datetime' };
    expect(
      Object.fromEntries(Object.entries(used).map(([name, type]) => [name, toServerType[type]])),
    ).toEqual(registered);
  });
});
