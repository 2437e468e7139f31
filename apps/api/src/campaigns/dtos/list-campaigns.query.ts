import { PageQuery } from '../../common/page.query';

export class ListCampaignsQuery extends PageQuery {}
