import { referenceCampaignFile } from '@amiflow/domain';
import { createCampaignInputSchema } from '../campaigns/dtos/create-campaign.input';
import { ZodBodyPipe } from './zod-body.pipe';
import { addZodComponents } from './zod-components';

describe('the campaign file in the OpenAPI document', () => {
  const document = addZodComponents({
    openapi: '3.0.0',
    info: { title: 'amiflow', version: '0' },
    paths: {},
    components: { schemas: { CampaignOutput: { type: 'object' } } },
  });
  const schemas = document.components?.schemas as Record<string, Record<string, unknown>>;

  it("publishes the body of POST /campaigns as a component, from the domain's schema", () => {
    expect(Object.keys(schemas.CreateCampaignInput.properties as object)).toEqual([
      'campaignId',
      'definition',
    ]);
    expect(schemas.CampaignFileInput).toMatchObject({
      type: 'object',
      additionalProperties: false,
      required: expect.arrayContaining(['title', 'localCalendar', 'sections', 'reminders']),
    });
    expect(schemas.CampaignFileInput.required).not.toContain('campaignId');
    expect(schemas.ReminderRule).toMatchObject({ additionalProperties: false });
    // The components Nest wrote from the classes stay.
    expect(schemas.CampaignOutput).toEqual({ type: 'object' });
  });

  it('points every reference at a component it holds', () => {
    const references = [...JSON.stringify(schemas).matchAll(/"\$ref":"([^"]+)"/g)].map(
      ([, reference]) => reference,
    );
    expect(references.length).toBeGreaterThan(5);
    const missing = references.filter(
      (reference) => !(reference.replace('#/components/schemas/', '') in schemas),
    );
    expect(missing).toEqual([]);
    expect(JSON.stringify(schemas)).not.toContain('"$id"');
  });
});

describe('a body checked against a zod schema', () => {
  const pipe = new ZodBodyPipe(createCampaignInputSchema);
  const body = (definition: Record<string, unknown>) => ({
    campaignId: referenceCampaignFile.campaignId,
    definition: { ...structuredClone(referenceCampaignFile), ...definition },
  });

  it('takes an optional field sent as null as absent, as the class-validator inputs did', () => {
    expect(
      pipe.transform(body({ meeting: null, consultations: null })).definition,
    ).not.toHaveProperty('meeting');
  });

  it('answers 400 VALIDATION_FAILED with one French line per problem', () => {
    expect.assertions(1);
    try {
      pipe.transform(body({ title: null, organisers: 'DGOS' }));
    } catch (error) {
      expect((error as { getResponse(): unknown }).getResponse()).toMatchObject({
        statusCode: 400,
        message: [
          'definition.title : est obligatoire',
          'definition.organisers : doit être une liste',
        ],
      });
    }
  });
});
