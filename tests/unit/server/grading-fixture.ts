import type { Assignment, Submission } from '../../../src/shared-api/assignments-api.ts';
import { signUp, tokenOf, type Client, type Harness } from './harness.ts';

/** An owner, a mentor and a learner of one cohort, through the real API; what every grading test starts from. */
export interface GradingCohort {
  owner: Client;
  mentor: Client;
  learner: Client;
  learnerId: string;
  cohortId: string;
  /** Assigns exercises (assessed, due in 3 days) as the mentor; the assignment's id. */
  assign(exercises: string[]): Promise<string>;
  /** Submits files as the learner (or `as`, another learner); the created revision. */
  submit(assignmentId: string, exercise: string, files: Record<string, string>, as?: Client): Promise<Submission>;
  /** Signs another learner up through an invitation; their client and id. */
  addLearner(email: string): Promise<{ client: Client; id: string }>;
}

export async function gradingCohort(h: Harness): Promise<GradingCohort> {
  const owner = h.client();
  await signUp(owner, 'owner@example.com');
  const cohortId = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Backend' })).body.id;
  const invite = async (role: 'mentor' | 'learner') =>
    tokenOf(
      (
        await owner.json<{ url: string }>('POST', `/api/cohorts/${cohortId}/invitations`, {
          role,
          expiresInDays: 1,
          maxUses: 1,
        })
      ).body.url,
    );
  const mentor = h.client();
  await signUp(mentor, 'mentor@example.com', await invite('mentor'));
  const learner = h.client();
  const learnerId = (await signUp(learner, 'lea@example.com', await invite('learner'))).body.id;
  return {
    owner,
    mentor,
    learner,
    learnerId,
    cohortId,
    async assign(exercises) {
      const res = await mentor.json<Assignment>('POST', `/api/cohorts/${cohortId}/assignments`, {
        exercises,
        mode: 'assessed',
        dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      });
      if (res.status !== 201) throw new Error(`assign: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id;
    },
    async submit(assignmentId, exercise, files, as = learner) {
      const res = await as.json<Submission>('POST', `/api/assignments/${assignmentId}/submissions`, {
        exercise,
        files,
      });
      if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async addLearner(email) {
      const client = h.client();
      const id = (await signUp(client, email, await invite('learner'))).body.id;
      return { client, id };
    },
  };
}

/** Polls a revision until the server has graded it (or its job failed), as the browser does. */
export async function untilGraded(client: Client, submissionId: string, limitMs = 120_000): Promise<Submission> {
  const end = Date.now() + limitMs;
  for (;;) {
    const { body } = await client.json<Submission>('GET', `/api/submissions/${submissionId}`);
    if (body.serverReports.length > 0 || body.grading?.state === 'failed') return body;
    if (Date.now() > end) throw new Error(`submission ${submissionId} not graded: ${JSON.stringify(body.grading)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
