import { campaignListRequest, campaignPageId, campaignPath } from './campaign-requests';

describe("the campaign page's requests, as its first script sends them early", () => {
  it('asks for the first page of every dossier, latest change first, and all the counts', () => {
    const list = campaignListRequest('ami-2019', new URLSearchParams(''), undefined);
    expect(campaignPath('ami-2019')).toBe('/campaigns/ami-2019');
    expect(list.ready).toBe(true);
    expect(list.countsPath).toBe('/campaigns/ami-2019/dossier-counts');
    expect(list.dossiersPath).toBe(
      '/campaigns/ami-2019/dossiers?tab=all&sort=updatedAt&order=desc&limit=50',
    );
  });

  it("carries the URL's tab, filters, sort and page into both paths", () => {
    const list = campaignListRequest(
      'ami-2019',
      new URLSearchParams(
        'onglet=to-process&etat=NEEDS_REVIEW&texte=imagerie&en-retard=oui&tri=nextDueAt&curseur=abc',
      ),
      undefined,
    );
    expect(list.countsPath).toBe(
      '/campaigns/ami-2019/dossier-counts?state=NEEDS_REVIEW&text=imagerie&lateOnly=true',
    );
    expect(list.dossiersPath).toBe(
      '/campaigns/ami-2019/dossiers?state=NEEDS_REVIEW&text=imagerie&lateOnly=true' +
        '&tab=to-process&sort=nextDueAt&order=asc&cursor=abc&limit=50',
    );
  });

  it("waits for the campaign's zone before asking for a list due before a day", () => {
    const search = new URLSearchParams('echeance-avant=2019-11-15');
    expect(campaignListRequest('ami-2019', search, undefined).ready).toBe(false);
    const list = campaignListRequest('ami-2019', search, 'Europe/Paris');
    expect(list.ready).toBe(true);
    expect(list.countsPath).toBe(
      '/campaigns/ami-2019/dossier-counts?dueBefore=2019-11-14T23%3A00%3A00.000Z',
    );
  });

  it('ignores what the page does not know (another sort, tab or order)', () => {
    const list = campaignListRequest(
      'ami 2019',
      new URLSearchParams('onglet=inconnu&tri=prix&ordre=haut'),
      undefined,
    );
    expect(list.dossiersPath).toBe(
      '/campaigns/ami%202019/dossiers?tab=all&sort=updatedAt&order=desc&limit=50',
    );
  });
});

describe('the campaign page, recognised by its path', () => {
  it('is the campaign the path names, decoded, with or without a final slash', () => {
    expect(campaignPageId('/console/campagnes/ami-2019')).toBe('ami-2019');
    expect(campaignPageId('/console/campagnes/ami%20sant%C3%A9/')).toBe('ami santé');
  });

  it('is none on any other screen, or with a name that does not decode', () => {
    for (const path of [
      '/console/',
      '/console/campagnes/',
      '/console/campagnes/ami-2019/synthese',
      '/console/campagnes/ami-2019/dossiers/cnp-1',
      '/campagnes/ami-2019',
      '/console/campagnes/%E0%A4%A',
    ]) {
      expect([path, campaignPageId(path)]).toEqual([path, undefined]);
    }
  });
});
