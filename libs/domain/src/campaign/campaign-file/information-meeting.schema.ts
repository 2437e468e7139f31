import { z } from 'zod';
import { Shape } from '../../shared/schema-shape';

/** The campaign's information meeting; its dates are in the calendar. */
export const informationMeetingSchema = z
  .strictObject({
    place: z.string().min(1).max(300).meta({ example: '20, avenue de Ségur, 75007 Paris' }),
    capacity: z
      .int()
      .min(1)
      .max(10_000)
      .meta({ example: 120, description: 'Seats; registrations beyond it go to a waiting list.' }),
  })
  .meta({ id: 'InformationMeeting' });

export type InformationMeeting = Shape<typeof informationMeetingSchema>;
