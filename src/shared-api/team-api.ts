import { z } from 'astro/zod';
import { progressSchema } from '../runtime/storage/progress.ts';
import { savedWorkSchema } from '../runtime/storage/saved-work.ts';

/**
 * Request and response shapes of the team server's API, shared by the server (which validates every
 * request with them) and the browser (which types its calls with them). zod only: the browser imports
 * this file, so nothing here may touch Node.
 */

/** Every 4xx and 5xx body: a sentence, and the request field it is about when there is one. */
export const apiErrorSchema = z
  .object({
    /** What went wrong, for a person. */
    error: z.string(),
    /** Dotted path of the offending request field, e.g. "password" or "work.refund.files". */
    field: z.string().optional(),
  })
  .strict();
export type ApiError = z.infer<typeof apiErrorSchema>;

export const roleSchema = z.enum(['mentor', 'learner']);

/** Names of things people type (cohorts, the team): printable, no path or control characters. */
export const displayName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine(
    (s) => !/[\\/]|\.\./.test(s) && ![...s].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127),
    'must not contain slashes, ".." or control characters',
  );

const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a domain such as example.com');

/** Opaque ids we generate: letters, digits, - and _ only, so a path-like id is refused before any query. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id');

export const sessionSchema = z
  .object({
    /** Always "craftpath-team": the site shows team links only when /api/session answers with this. */
    server: z.literal('craftpath-team'),
    /** Server package version. */
    version: z.string(),
    /** Whether the server has no account yet (the next sign-up becomes the owner). */
    fresh: z.boolean(),
    /** Label of the SSO button, when single sign-on is configured. */
    sso: z.string().optional(),
    /** The signed-in user, absent when signed out. */
    user: z
      .object({
        id: z.string(),
        name: z.string(),
        email: z.string(),
        /** Whether they own the organisation. */
        owner: z.boolean(),
        /** Cohorts they belong to and their role in each. */
        cohorts: z.array(z.object({ id: z.string(), name: z.string(), role: roleSchema }).strict()),
      })
      .strict()
      .optional(),
  })
  .strict();
export type SessionInfo = z.infer<typeof sessionSchema>;

export const signUpSchema = z
  .object({
    /** Shown to mentors and owners. */
    name: displayName,
    /** Sign-in email; also decides domain auto-join. */
    email: z.string().trim().toLowerCase().email().max(254),
    /** 10 to 200 characters. */
    password: z.string().min(10).max(200),
    /** The token of an invitation link, when signing up through one. */
    invitation: z.string().max(200).optional(),
  })
  .strict();

export const signUpResultSchema = z
  .object({
    /** The new account's id. */
    id: z.string(),
    /** How the account got in: founding owner, invitation, or email-domain auto-join. */
    via: z.enum(['founder', 'invitation', 'domain', 'none']),
  })
  .strict();

export const cohortSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    /** New accounts with this email domain join as learners. */
    autoJoinDomain: z.string().nullable(),
    /** The caller's role here; "owner" for organisation owners. */
    role: z.enum(['owner', 'mentor', 'learner']),
    createdAt: z.string(),
  })
  .strict();
export const cohortListSchema = z.object({ cohorts: z.array(cohortSchema) }).strict();

export const createCohortSchema = z
  .object({
    /** Cohort name, e.g. "Backend 2027 spring". */
    name: displayName,
    /** Optional email domain for auto-join. */
    autoJoinDomain: emailDomain.nullable().optional(),
  })
  .strict();

export const updateCohortSchema = createCohortSchema.partial().strict();

export const memberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
  })
  .strict();
export const memberListSchema = z.object({ members: z.array(memberSchema) }).strict();

export const setRoleSchema = z.object({ /** The member's new role in this cohort. */ role: roleSchema }).strict();

export const createInvitationSchema = z
  .object({
    /** Role the invited person gets in the cohort. */
    role: roleSchema,
    /** Days until the link stops working, 1 to 90. */
    expiresInDays: z.number().int().min(1).max(90),
    /** How many people may use the link, 1 to 500. */
    maxUses: z.number().int().min(1).max(500),
    /** When set, only emails of this domain may accept. */
    emailDomain: emailDomain.optional(),
  })
  .strict();

export const invitationSchema = z
  .object({
    id: z.string(),
    cohortId: z.string(),
    role: roleSchema,
    expiresAt: z.string(),
    usesLeft: z.number().int(),
    emailDomain: z.string().nullable(),
  })
  .strict();
export const invitationListSchema = z.object({ invitations: z.array(invitationSchema) }).strict();
/** The created invitation and its link; the token is shown once and stored only as a hash. */
export const createdInvitationSchema = z.object({ invitation: invitationSchema, url: z.string() }).strict();

export const invitationPreviewSchema = z
  .object({
    /** The cohort the link joins. */
    cohort: z.string(),
    role: roleSchema,
    expiresAt: z.string(),
    emailDomain: z.string().nullable(),
  })
  .strict();

export const acceptInvitationSchema = z
  .object({ /** The token from the link. */ token: z.string().min(1).max(200) })
  .strict();

export const passwordResetLinkSchema = z
  .object({
    /** The link itself, valid 24 hours, once; shown to the owner even when it was mailed. */
    url: z.string(),
    /** Set when SMTP is configured: whether the link was mailed to the account's address. */
    mail: z
      .discriminatedUnion('sent', [
        z.object({ /** Mailed. */ sent: z.literal(true), /** The address it went to. */ to: z.string() }).strict(),
        z
          .object({
            /** Not mailed: pass the link on by hand. */
            sent: z.literal(false),
            /** Why, in a sentence without credentials. */
            reason: z.string(),
          })
          .strict(),
      ])
      .optional(),
  })
  .strict();

export const resetPasswordSchema = z
  .object({
    /** The token from the owner-issued link. */
    token: z.string().min(1).max(200),
    /** The new password, 10 to 200 characters. */
    password: z.string().min(10).max(200),
  })
  .strict();

/** Synced state: the browser's own versioned records (src/runtime/storage), exercise by exercise. */
export const syncStateSchema = z
  .object({
    progress: progressSchema,
    /** Saved code per exercise slug. */
    work: z.record(z.string().max(100), savedWorkSchema),
  })
  .strict();
export type SyncState = z.infer<typeof syncStateSchema>;

export const learnerProgressSchema = z
  .object({
    learners: z.array(
      z
        .object({
          userId: z.string(),
          name: z.string(),
          /** Exercises passed. */
          passed: z.number().int(),
          /** Exercises started but not passed. */
          inProgress: z.number().int(),
        })
        .strict(),
    ),
  })
  .strict();

export const organisationSettingsSchema = z
  .object({
    /** The team's name. */
    name: displayName.optional(),
    /** Days to keep synced records after their last change; null keeps them until deleted. */
    retentionDays: z.number().int().min(1).max(3650).nullable().optional(),
  })
  .strict();

export const adminInfoSchema = z
  .object({
    organisation: z.object({ name: z.string(), retentionDays: z.number().nullable() }).strict(),
    /** Every account with its owner flag and cohort roles. */
    users: z.array(
      z
        .object({
          id: z.string(),
          name: z.string(),
          email: z.string(),
          owner: z.boolean(),
          cohorts: z.array(z.object({ id: z.string(), role: roleSchema }).strict()),
        })
        .strict(),
    ),
    invitations: z.array(invitationSchema),
    /** SSO status: off, or the issuer it redirects to. */
    sso: z.object({ enabled: z.boolean(), issuer: z.string().optional() }).strict(),
    /** Outgoing mail: off (links are passed on by hand), or the SMTP server's host:port. */
    mail: z.object({ enabled: z.boolean(), server: z.string().optional() }).strict(),
    database: z
      .object({ kind: z.enum(['sqlite', 'postgres']), location: z.string(), schemaVersion: z.number() })
      .strict(),
    version: z.string(),
  })
  .strict();
export type AdminInfo = z.infer<typeof adminInfoSchema>;

export const okSchema = z.object({ ok: z.literal(true) }).strict();
