import { ApplicationFailure } from '@temporalio/common';
import { temporalLogLine } from './temporal-log-forwarding';

describe('temporalLogLine', () => {
  it('puts the message and the metadata side by side, without symbol keys or the task token', () => {
    const meta = {
      workflowId: 'dossier/c/o',
      correlationId: 'req-1',
      taskToken: 'CiQwMWEy…',
      [Symbol('ts')]: 1n,
    };
    expect(temporalLogLine({ message: 'Activity succeeded', meta })).toEqual({
      msg: 'Activity succeeded',
      workflowId: 'dossier/c/o',
      correlationId: 'req-1',
    });
  });

  it('keeps what an error says, which JSON would print as {}', () => {
    const error = ApplicationFailure.create({ type: 'SMTP_DOWN', message: 'no answer' });
    const line = temporalLogLine({ message: 'Activity failed', meta: { error } });
    expect(JSON.parse(JSON.stringify(line))).toMatchObject({
      msg: 'Activity failed',
      error: { name: 'ApplicationFailure', message: 'no answer', type: 'SMTP_DOWN' },
    });
  });
});
